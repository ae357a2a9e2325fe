/**
 * Form helpers for the pages of every module: errors as the templates show them, values as typed.
 */
@org.springframework.modulith.NamedInterface("forms")
package it.labimpact.shared.forms;
