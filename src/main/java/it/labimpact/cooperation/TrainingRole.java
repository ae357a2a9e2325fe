package it.labimpact.cooperation;

/** Role or profession of an operator attending a training; {@link #OTHER} comes with a free text. */
public enum TrainingRole {
    SOCIAL_WORKER, EDUCATOR, TEACHER, CULTURAL_MEDIATOR, FRONT_OFFICE, EMPLOYMENT_ADVISER, HEALTH_WORKER,
    PSYCHOLOGIST, LEGAL_ADVISER, SERVICE_MANAGER, VOLUNTEER, OTHER
}
