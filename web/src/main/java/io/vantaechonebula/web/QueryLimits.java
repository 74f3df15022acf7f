package io.vantaechonebula.web;

import io.vantaechonebula.web.problem.ApiProblemException;
import io.vantaechonebula.web.problem.ProblemType;

/** Reads a paging limit from a query parameter, with a message that says the allowed range. */
public final class QueryLimits {

    private QueryLimits() {
    }

    public static int parse(String name, String value, int max) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiProblemException(ProblemType.INVALID_PARAMETER,
                "Query parameter '" + name + "' must be a whole number from 1 to " + max + ", got '" + value + "'");
    }
}
