package io.vantaechonebula.web.problem;

/** An error the API answers with one of its problem types. */
public class ApiProblemException extends RuntimeException {

    private final ProblemType type;

    public ApiProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
