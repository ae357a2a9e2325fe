package it.labimpact.shared;

import java.util.List;

/**
 * A change refused by a business rule, with a message key (bundle {@code messages/*}) and its arguments,
 * optionally tied to a form field. Pages show it beside the field, the API as problem+json (422).
 */
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient List<Object> args;

    public RuleViolationException(String field, String messageKey, Object... args) {
        super(messageKey + " " + List.of(args));
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
