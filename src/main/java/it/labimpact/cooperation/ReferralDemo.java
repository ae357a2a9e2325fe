package it.labimpact.cooperation;

import it.labimpact.participant.ParticipantListing;
import it.labimpact.participant.ParticipantQuery;
import it.labimpact.participant.ParticipantRegistry;
import it.labimpact.partnership.Member;
import it.labimpact.partnership.MembershipRole;
import it.labimpact.partnership.OrganisationKind;
import it.labimpact.partnership.Partnership;
import it.labimpact.shared.Actor;
import it.labimpact.shared.PageRequest;
import it.labimpact.shared.Role;
import it.labimpact.shared.ScopeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default run only: three agreements titled "[DEMO] …" (a Milano protocol, a Cremasca service
 * agreement, a co-design agreement between the two networks; a network without a demo CPIA signs with the other
 * network's lead) and one referral of a Milano demo participant to the
 * Cremasca network, waiting in its inbox. Loaded once, after the demo participants.
 */
@Component
@ConditionalOnProperty(name = "labimpact.demo.enabled", havingValue = "true")
@Order(50)
class ReferralDemo implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(ReferralDemo.class);

    private final Agreements agreements;
    private final AgreementRepository repository;
    private final Referrals referrals;
    private final ParticipantRegistry registry;
    private final Partnership partnership;

    ReferralDemo(Agreements agreements, AgreementRepository repository, Referrals referrals,
            ParticipantRegistry registry, Partnership partnership) {
        this.agreements = agreements;
        this.repository = repository;
        this.referrals = referrals;
        this.registry = registry;
        this.partnership = partnership;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.count(AgreementQuery.all()) > 0) {
            return;
        }
        Actor seeder = new Actor(0, "demo.seed", "Demo data", Role.COORDINATOR, ScopeType.PROJECT, null, null);
        Actor.runAs(seeder, () -> {
            LocalDate today = LocalDate.now();
            long milano = lead("milano");
            long cremasca = lead("cremasca");
            long milanoCpia = member("milano", OrganisationKind.CPIA).orElse(cremasca);
            long cremascaCpia = member("cremasca", OrganisationKind.CPIA).orElse(milano);
            List<Long> milanoParties = member("milano", OrganisationKind.THIRD_SECTOR)
                    .map(coop -> List.of(milano, milanoCpia, coop)).orElse(List.of(milano, milanoCpia));
            long receiver = member("cremasca", OrganisationKind.CPIA).orElse(cremasca);
            agreements.create(new AgreementData(AgreementKind.PROTOCOL,
                    "[DEMO] Protocollo d'intesa per l'accoglienza e l'orientamento dei cittadini stranieri", "milano",
                    milanoParties, today.minusMonths(10), today.minusMonths(10), today.plusYears(2),
                    "Sportello unico di orientamento, invii concordati ai corsi di italiano e ai servizi per il "
                            + "lavoro.",
                    null));
            agreements.create(new AgreementData(AgreementKind.SERVICE,
                    "[DEMO] Convenzione per i corsi di italiano L2", "cremasca", List.of(cremasca, cremascaCpia),
                    today.minusMonths(6), today.minusMonths(6), null, "Corsi serali di livello A1 e A2.", null));
            agreements.create(new AgreementData(AgreementKind.CO_DESIGN,
                    "[DEMO] Accordo di co-progettazione tra le reti di Milano e Cremasca", null,
                    List.of(milano, cremasca), today.minusMonths(3), today.minusMonths(3), today.plusYears(1),
                    "Percorsi comuni per le persone che si spostano tra i due territori.", null));
            int sent = registry.list(new ParticipantQuery(null, "milano"), new PageRequest(0, 1)).items().stream()
                    .map(ParticipantListing::summary).filter(p -> !p.erased()).map(p -> referrals.send(
                            new ReferralData(p.id(), null, "cremasca", receiver, ReferralService.ITALIAN_COURSE,
                                    "Frequenta il livello A1, chiede un corso serale", true, today,
                                    "Modulo consenso invio (demo)", ReferralSharing.PROFILE)))
                    .toList().size();
            log.info("Demo mode: 3 demo agreements and " + sent + " demo referral loaded");
        });
    }

    private long lead(String network) {
        return partnership.network(network).orElseThrow().members().stream()
                .filter(m -> m.role() == MembershipRole.LEAD).map(Member::organisationId).findFirst().orElseThrow();
    }

    private Optional<Long> member(String network, OrganisationKind kind) {
        return partnership.network(network).orElseThrow().members().stream()
                .filter(m -> m.active() && m.kind() == kind).map(Member::organisationId).findFirst();
    }
}
