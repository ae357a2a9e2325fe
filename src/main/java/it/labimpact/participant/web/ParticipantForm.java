package it.labimpact.participant.web;

import it.labimpact.participant.ParticipantData;
import it.labimpact.participant.ParticipantRecord;
import it.labimpact.participant.PermitType;
import it.labimpact.participant.Sex;
import it.labimpact.participant.Vulnerability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The registration and rectification form, bound field by field so that what was typed survives an error;
 * validated as {@link ParticipantData}.
 */
public class ParticipantForm {

    private String surname;
    private String givenNames;
    private Sex sex;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;
    private String birthCountry;
    private String citizenship;
    private String taxCode;
    private String residence;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate firstContactDate;
    private String phone;
    private String email;
    private List<Vulnerability> vulnerabilities = new ArrayList<>();
    private PermitType permitType;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate permitExpiry;
    private String networkCode;
    private Long organisationId;
    private boolean consent;
    private Integer noticeVersion;
    private boolean confirmWarnings;
    private Integer version;

    ParticipantData toData() {
        return new ParticipantData(surname, givenNames, sex, birthDate, birthCountry, citizenship, taxCode, residence,
                firstContactDate, phone, email, vulnerabilities, permitType, permitExpiry);
    }

    static ParticipantForm of(ParticipantRecord record) {
        ParticipantData d = record.toData();
        ParticipantForm f = new ParticipantForm();
        f.surname = d.surname();
        f.givenNames = d.givenNames();
        f.sex = d.sex();
        f.birthDate = d.birthDate();
        f.birthCountry = d.birthCountry();
        f.citizenship = d.citizenship();
        f.taxCode = d.taxCode();
        f.residence = d.residence();
        f.firstContactDate = d.firstContactDate();
        f.phone = d.phone();
        f.email = d.email();
        f.vulnerabilities = new ArrayList<>(d.vulnerabilities());
        f.permitType = d.permitType();
        f.permitExpiry = d.permitExpiry();
        f.version = record.summary().version();
        return f;
    }

    public String getSurname() { return surname; }
    public void setSurname(String v) { surname = v; }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String v) { givenNames = v; }
    public Sex getSex() { return sex; }
    public void setSex(Sex v) { sex = v; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate v) { birthDate = v; }
    public String getBirthCountry() { return birthCountry; }
    public void setBirthCountry(String v) { birthCountry = v; }
    public String getCitizenship() { return citizenship; }
    public void setCitizenship(String v) { citizenship = v; }
    public String getTaxCode() { return taxCode; }
    public void setTaxCode(String v) { taxCode = v; }
    public String getResidence() { return residence; }
    public void setResidence(String v) { residence = v; }
    public LocalDate getFirstContactDate() { return firstContactDate; }
    public void setFirstContactDate(LocalDate v) { firstContactDate = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public List<Vulnerability> getVulnerabilities() { return vulnerabilities; }
    public void setVulnerabilities(List<Vulnerability> v) { vulnerabilities = v == null ? new ArrayList<>() : v; }
    public PermitType getPermitType() { return permitType; }
    public void setPermitType(PermitType v) { permitType = v; }
    public LocalDate getPermitExpiry() { return permitExpiry; }
    public void setPermitExpiry(LocalDate v) { permitExpiry = v; }
    public String getNetworkCode() { return networkCode; }
    public void setNetworkCode(String v) { networkCode = v; }
    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long v) { organisationId = v; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean v) { consent = v; }
    public Integer getNoticeVersion() { return noticeVersion; }
    public void setNoticeVersion(Integer v) { noticeVersion = v; }
    public boolean isConfirmWarnings() { return confirmWarnings; }
    public void setConfirmWarnings(boolean v) { confirmWarnings = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
