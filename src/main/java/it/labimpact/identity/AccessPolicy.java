package it.labimpact.identity;

import it.labimpact.shared.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one access policy: every page and API endpoint, by method and path, with who may call it. The first
 * matching rule wins; a request no rule matches is denied. {@code AccessPolicyTest} fails when a
 * registered endpoint has no rule here.
 *
 * <p>The policy decides by role; which records a role sees within its scope (network A, not network B) is
 * decided by the module that owns the records, through {@link it.labimpact.shared.Actor}.
 */
public final class AccessPolicy {

    /** Who may call. */
    public enum Access { PUBLIC, AUTHENTICATED, ROLES }

    /** One rule; {@code method} {@code null} means any method. */
    public record Rule(HttpMethod method, String pattern, Access access, Set<Role> roles) {

        boolean matches(HttpMethod m, String path) {
            return (method == null || method.equals(m))
                    && PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod DELETE = HttpMethod.DELETE;
    private static final Role[] MANAGERS = {Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN};
    private static final Role[] COORDINATION = {Role.COORDINATOR, Role.ADMIN};
    private static final Role[] ACTIVITY_EDITORS = {Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN};
    private static final Role[] PARTICIPANT_STAFF = {Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN};
    private static final Role[] ENROLMENT_STAFF = {Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN};
    private static final Role[] PSEUDONYMISED = {Role.EVALUATOR, Role.COORDINATOR, Role.ADMIN};

    /** The rules, in order. */
    public static final List<Rule> RULES = List.of(
            // public: landing, login, static assets, reference boundaries, health, API description
            open(GET, "/"), open(GET, "/about"), open(GET, "/upload-too-large"), open(GET, "/login"),
            open(POST, "/login"), open(null, "/error"),
            open(GET, "/favicon.ico"), open(GET, "/webjars/**"), open(GET, "/css/**"), open(GET, "/js/**"),
            open(GET, "/img/**"), open(GET, "/geo/**"), open(GET, "/actuator/health/**"),
            open(GET, "/v3/api-docs/**"), open(GET, "/v3/api-docs.yaml"), open(GET, "/swagger-ui.html"),
            open(GET, "/swagger-ui/**"),
            open(GET, "/oauth2/authorization/**"), open(null, "/login/oauth2/code/**"),
            // any logged-in user: the partnership is not personal data; own account and tokens
            user(POST, "/logout"), user(GET, "/actuator"), user(GET, "/actuator/info"),
            user(GET, "/networks/**"), user(GET, "/organisations/**"),
            user(GET, "/api/v1/networks/**"), user(GET, "/api/v1/organisations/**"), user(GET, "/api/v1/comuni/**"),
            user(GET, "/account/**"), user(POST, "/account/**"),
            // network composition: leads (own network only, checked by the module), coordinators, admins
            roles(POST, "/networks/*/members/**", MANAGERS), roles(POST, "/networks/*/comuni/**", MANAGERS),
            roles(POST, "/organisations/**", MANAGERS),
            // enrolments: enrolments, attendance and the class register, for the staff that serves participants
            // (scope checked by the participant module); evaluators and governance get none of it
            roles(GET, "/activities/*/register", ENROLMENT_STAFF), roles(POST, "/activities/*/register/*", ENROLMENT_STAFF),
            roles(GET, "/activities/*/enrolments", ENROLMENT_STAFF), roles(POST, "/activities/*/enrolments", ENROLMENT_STAFF),
            roles(POST, "/participants/*/enrolments/**", ENROLMENT_STAFF),
            roles(GET, "/api/v1/enrolments/**", ENROLMENT_STAFF), roles(POST, "/api/v1/enrolments", ENROLMENT_STAFF),
            roles(PUT, "/api/v1/enrolments/*", ENROLMENT_STAFF),
            roles(POST, "/api/v1/enrolments/*/recompute", ENROLMENT_STAFF),
            roles(GET, "/api/v1/activities/*/attendance", ENROLMENT_STAFF),
            roles(PUT, "/api/v1/activities/*/attendance/*", ENROLMENT_STAFF),
            // activities: any logged-in user reads (the module scopes to the user's network); operators, leads,
            // coordinators and admins change (own network only for the first two, checked by the module);
            // activity types are administered by coordination
            user(GET, "/activities/**"), user(GET, "/api/v1/activities/**"), user(GET, "/api/v1/activity-types/**"),
            roles(POST, "/activities/**", ACTIVITY_EDITORS), roles(POST, "/api/v1/activities/**", ACTIVITY_EDITORS),
            roles(PUT, "/api/v1/activities/**", ACTIVITY_EDITORS),
            roles(DELETE, "/api/v1/activities/**", ACTIVITY_EDITORS),
            roles(GET, "/admin/activity-types/**", COORDINATION), roles(POST, "/admin/activity-types/**", COORDINATION),
            // coordination: reference data, audit trail
            roles(GET, "/admin/territory/**", COORDINATION), roles(POST, "/admin/territory/**", COORDINATION),
            roles(GET, "/admin/audit/**", COORDINATION),
            // participants: personal data for the staff that serves them (scope checked by the module),
            // pseudonymised microdata for evaluation, the duplicate queue and the privacy notice for coordination
            roles(GET, "/participants/pseudonymised", PSEUDONYMISED),
            roles(GET, "/api/v1/participants/pseudonymised", PSEUDONYMISED),
            roles(GET, "/participants/**", PARTICIPANT_STAFF), roles(POST, "/participants/**", PARTICIPANT_STAFF),
            roles(GET, "/api/v1/participants/**", PARTICIPANT_STAFF),
            roles(POST, "/api/v1/participants", PARTICIPANT_STAFF),
            roles(PUT, "/api/v1/participants/*", PARTICIPANT_STAFF),
            roles(DELETE, "/api/v1/participants/*", PARTICIPANT_STAFF),
            // assessments, outcomes, surveys: the one-time survey page is public (the token is the key, CSRF still on);
            // the rest for the staff that serves the participant (scope checked by the module)
            open(GET, "/survey/**"), open(POST, "/survey/**"),
            roles(POST, "/participants/*/assessments", PARTICIPANT_STAFF),
            roles(POST, "/participants/*/outcomes", PARTICIPANT_STAFF),
            roles(POST, "/participants/*/surveys/**", PARTICIPANT_STAFF),
            roles(GET, "/api/v1/participants/*/assessments", PARTICIPANT_STAFF),
            roles(POST, "/api/v1/participants/*/assessments", PARTICIPANT_STAFF),
            roles(GET, "/api/v1/participants/*/outcomes", PARTICIPANT_STAFF),
            roles(POST, "/api/v1/participants/*/outcomes", PARTICIPANT_STAFF),
            roles(POST, "/api/v1/participants/*/surveys", PARTICIPANT_STAFF),
            roles(PUT, "/api/v1/participants/*/assessments/*", PARTICIPANT_STAFF),
            roles(PUT, "/api/v1/participants/*/outcomes/*", PARTICIPANT_STAFF),
            roles(GET, "/admin/participant-matches/**", COORDINATION),
            roles(POST, "/admin/participant-matches/**", COORDINATION),
            roles(GET, "/admin/privacy-notice/**", COORDINATION), roles(POST, "/admin/privacy-notice/**", COORDINATION),
            // indicators: the catalogue and published values (small cells suppressed) for any logged-in user; which
            // network's values a user may ask for is checked by the indicator module
            user(GET, "/indicators"), user(GET, "/indicators/definitions/**"), user(GET, "/api/v1/indicators"),
            user(GET, "/api/v1/indicators/**"),
            // indicators: targets and the approval of quarters. Leads, coordination, governance and evaluators read
            // (leads only their network and the project, checked by the indicator module); coordination sets targets
            // and decides; a lead submits only their own network's quarter (checked by the module)
            roles(GET, "/indicators/targets/**", Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN, Role.GOVERNANCE,
                    Role.EVALUATOR),
            roles(POST, "/indicators/targets/**", COORDINATION),
            roles(GET, "/indicators/approvals/**", Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN, Role.GOVERNANCE,
                    Role.EVALUATOR),
            roles(POST, "/indicators/approvals/*/*/submit", Role.NETWORK_LEAD),
            roles(POST, "/indicators/approvals/*/*/approve", COORDINATION),
            roles(POST, "/indicators/approvals/*/*/return", COORDINATION),
            roles(POST, "/indicators/approvals/*/*/reopen", COORDINATION),
            // reports and exports: indicators against targets, periodic report (PDF) and its notes, the fund's annual
            // report; leads for their own network only (scope checked by the report module). Open data is public.
            roles(GET, "/reports/**", Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE, Role.EVALUATOR, Role.ADMIN),
            roles(POST, "/reports/periodic/notes", Role.NETWORK_LEAD, Role.COORDINATOR),
            open(GET, "/open-data/**"),
            // dashboards: every logged-in user (the report module sends network staff to their own network's
            // dashboard, 404 on another's; evaluators and governance see published values only); the records
            // behind a number for the staff who serve participants (network scope checked by the indicator module)
            user(GET, "/dashboard/**"),
            roles(GET, "/indicators/*/records", PARTICIPANT_STAFF),
            // cooperation: the hub (each link it shows is under its own rule below)
            user(GET, "/cooperation"),
            // cooperation metrics: the graph, the scorecard and their API are about organisations, not persons: any
            // logged-in user reads the project's; a network's only its staff and project-wide roles (module: 404)
            user(GET, "/cooperation/graph"), user(GET, "/cooperation/scorecard"), user(GET, "/api/v1/cooperation/**"),
            // cooperation: governance bodies, meetings, decisions (rules added by the governance work)
            // Any logged-in user reads the project-wide bodies and those of their own network (every network for
            // project-scope roles: coordination, governance, evaluators), with their meetings, minutes, files and
            // decisions; another network's body or meeting is 404 (checked by the cooperation module). Governance
            // (ANCI), coordinators and administrators manage every body; a network lead manages its network's table and
            // groups (checked by the module). Operators and evaluators only read.
            user(GET, "/governance/**"), user(GET, "/api/v1/governance/**"), user(GET, "/api/v1/meetings/**"),
            roles(POST, "/governance/**", Role.NETWORK_LEAD, Role.GOVERNANCE, Role.COORDINATOR, Role.ADMIN),
            roles(POST, "/api/v1/meetings/**", Role.NETWORK_LEAD, Role.GOVERNANCE, Role.COORDINATOR, Role.ADMIN),
            roles(PUT, "/api/v1/meetings/**", Role.NETWORK_LEAD, Role.GOVERNANCE, Role.COORDINATOR, Role.ADMIN),

            // cooperation: agreements and referrals (rules added by that work)
            // agreements are acts between organisations, not personal data: any logged-in user reads them; leads (own
            // network), coordination and governance change them (checked by the module). Referrals carry participants:
            // the staff who serve them, each side scoped to its network by the module
            user(GET, "/agreements/**"), user(GET, "/api/v1/agreements/**"),
            roles(POST, "/agreements/**", Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE, Role.ADMIN),
            roles(POST, "/api/v1/agreements/**", Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE, Role.ADMIN),
            roles(PUT, "/api/v1/agreements/**", Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE, Role.ADMIN),
            roles(GET, "/referrals/**", PARTICIPANT_STAFF), roles(POST, "/referrals/**", PARTICIPANT_STAFF),
            roles(GET, "/api/v1/referrals/**", PARTICIPANT_STAFF), roles(POST, "/api/v1/referrals/**", PARTICIPANT_STAFF),

            // cooperation: operator training and needs from the territory (rules added by that work)
            // trainings (staff data): operators, leads, coordination, governance, admins read and change (module:
            // own network's and project-wide trainings; project-wide ones changed by governance and coordination);
            // evaluators get the counts through the indicators only. Needs: any logged-in user records and reads
            // (module: own network); leads and coordination respond; the board for governance and coordination
            roles(GET, "/trainings/**", Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE, Role.ADMIN),
            roles(POST, "/trainings/**", Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE, Role.ADMIN),
            roles(GET, "/api/v1/trainings/**", Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE,
                    Role.ADMIN),
            roles(POST, "/api/v1/trainings/**", Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE,
                    Role.ADMIN),
            roles(PUT, "/api/v1/trainings/**", Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.GOVERNANCE,
                    Role.ADMIN),
            roles(GET, "/needs/board", Role.GOVERNANCE, Role.COORDINATOR, Role.ADMIN),
            roles(POST, "/needs/*/status", MANAGERS), roles(PUT, "/api/v1/needs/*/status", MANAGERS),
            user(GET, "/needs/**"), user(POST, "/needs"), user(GET, "/api/v1/needs/**"), user(POST, "/api/v1/needs"),

            // imports: spreadsheet uploads of participants and enrolments. Network staff upload for their own
            // network (module); coordinators and administrators follow every network's jobs and reports
            roles(GET, "/imports/**", Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN),
            roles(POST, "/imports/**", Role.OPERATOR, Role.NETWORK_LEAD),
            roles(GET, "/api/v1/imports/**", Role.OPERATOR, Role.NETWORK_LEAD, Role.COORDINATOR, Role.ADMIN),
            roles(POST, "/api/v1/imports", Role.OPERATOR, Role.NETWORK_LEAD),

            // directory (issue 6): the public guide to services and events is open to everyone, no login (published
            // entries only, checked by the module); its editing is for network staff and coordination (operators draft
            // for their network's organisations, leads publish: both checked by the directory module, another
            // network's entry is 404)
            open(GET, "/servizi"), open(GET, "/servizi/**"), open(GET, "/eventi"), open(GET, "/eventi/**"),
            open(GET, "/sitemap.xml"),
            roles(GET, "/directory/**", ACTIVITY_EDITORS), roles(POST, "/directory/**", ACTIVITY_EDITORS),

            // directory, HSDS 3.0 API (issue 6): the open standard API of the public directory, read-only and open to
            // everyone without login (published entries only, checked by the directory module; rate-limited per address)
            open(GET, "/api/hsds"), open(GET, "/api/hsds/**"),

            // administration: accounts
            roles(GET, "/admin/users/**", Role.ADMIN), roles(POST, "/admin/users/**", Role.ADMIN));

    private AccessPolicy() {
    }

    /** The rule that decides a request, if any. */
    public static Optional<Rule> ruleFor(HttpMethod method, String path) {
        return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule rule : RULES) {
            var matcher = rule.method() == null ? registry.requestMatchers(rule.pattern())
                    : registry.requestMatchers(rule.method(), rule.pattern());
            switch (rule.access()) {
                case PUBLIC -> matcher.permitAll();
                case AUTHENTICATED -> matcher.authenticated();
                case ROLES -> matcher.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
        }
        registry.anyRequest().denyAll();
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.PUBLIC, Set.of());
    }

    private static Rule user(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.AUTHENTICATED, Set.of());
    }

    private static Rule roles(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, Access.ROLES, Set.copyOf(Arrays.asList(roles)));
    }
}
