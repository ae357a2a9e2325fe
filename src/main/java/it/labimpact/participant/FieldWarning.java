package it.labimpact.participant;

import java.util.List;

/** Something worth checking in what was entered, tied to a field; it does not stop the registration. */
public record FieldWarning(String field, String messageKey, List<Object> args) {

    public Object[] argsArray() {
        return args.toArray();
    }
}
