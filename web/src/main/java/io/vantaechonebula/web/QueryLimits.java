package io.vantaechonebula.web;

import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;

/** Reads a paging limit from a query parameter, with a message that says the allowed range. */
public final class QueryLimits {

    private QueryLimits() {
    }

    /** A limit: a whole number from 1 to {@code max}. */
    public static int parse(String name, String value, int max) {
        return parse(name, value, 1, max);
    }

    /** A whole number from {@code min} to {@code max} (an offset, say, from 0). */
    public static int parse(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiProblemException(ProblemType.INVALID_PARAMETER,
                "Query parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
