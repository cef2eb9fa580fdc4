package org.chatons.entraide.bench.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the members and the people of a locality scenario are: each country's share of the hosts and of the people
 * arriving, and the language they all share. Hosts get their countries in exact proportions (largest remainders)
 * and in random order, so capacities (drawn as in every scenario) land in each country by chance.
 *
 * @param countries the countries, each with its shares; each kind of share adds up to 1
 * @param language  the language of the people and of every member (the collective's, French)
 */
public record Countries(List<Country> countries, String language) {

    /**
     * One country.
     *
     * @param code   ISO 3166, as the members file gives it
     * @param hosts  its share of the hosts
     * @param people its share of the people arriving
     */
    public record Country(String code, double hosts, double people) {
    }

    public Countries {
        countries = List.copyOf(countries);
        double hosts = countries.stream().mapToDouble(Country::hosts).sum();
        double people = countries.stream().mapToDouble(Country::people).sum();
        if (countries.isEmpty() || Math.abs(hosts - 1) > 1e-9 || Math.abs(people - 1) > 1e-9) {
            throw new IllegalArgumentException("countries: shares of hosts " + hosts + " and people " + people
                    + " (expected: each adding up to 1)");
        }
    }

    /**
     * The locality scenario's four countries, uneven in members and in people: France has most members and fewer
     * people than its share of places, Belgium and Canada more people than places, Switzerland fewer.
     */
    public static Countries standard() {
        return new Countries(List.of(new Country("FR", 0.60, 0.50), new Country("BE", 0.16, 0.22),
                new Country("CH", 0.16, 0.10), new Country("CA", 0.08, 0.18)), "fr");
    }

    public int size() {
        return countries.size();
    }

    public String code(int country) {
        return countries.get(country).code();
    }

    /** The country (index) of each of {@code n} hosts. */
    int[] assign(int n, SplittableRandom random) {
        int[] counts = new int[countries.size()];
        double[] remainders = new double[countries.size()];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = countries.get(c).hosts() * n;
            counts[c] = (int) Math.floor(exact);
            remainders[c] = exact - counts[c];
            given += counts[c];
        }
        for (; given < n; given++) {
            int largest = 0;
            for (int c = 1; c < counts.length; c++) {
                largest = remainders[c] > remainders[largest] ? c : largest;
            }
            counts[largest]++;
            remainders[largest] = -1;
        }
        int[] order = Shuffle.of(n, random);
        int[] of = new int[n];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                of[order[i++]] = c;
            }
        }
        return of;
    }

    /** The country (index) of one person arriving. */
    int origin(SplittableRandom random) {
        double u = random.nextDouble();
        for (int c = 0; c < countries.size() - 1; c++) {
            u -= countries.get(c).people();
            if (u < 0) {
                return c;
            }
        }
        return countries.size() - 1;
    }
}
