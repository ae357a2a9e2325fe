package it.labimpact.shared.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header: what the API is, and how machine clients authenticate. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Lab'Impact API", version = "v1",
        description = "API of the Lab'Impact platform (Regione Lombardia, FAMI 2021-2027). Lists are paged as "
                + "{items, page, size, total}; errors are application/problem+json (RFC 9457). Create a token on "
                + "the 'My account' page and send it as 'Authorization: Bearer lip_…'; it acts with your role "
                + "and scope.",
        license = @License(name = "Reference data: Istat CC BY 4.0, ANPR CC0, ISTAT/openpolis CC BY 4.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {
}
