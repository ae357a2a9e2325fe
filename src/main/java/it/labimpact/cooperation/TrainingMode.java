package it.labimpact.cooperation;

/** How a training is delivered. */
public enum TrainingMode {
    IN_PERSON, ONLINE
}
