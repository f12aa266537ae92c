package com.example.invoices;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user's invoices: uploaded as PDF, listed, downloaded; all kept by filegate in the user's tenant. */
@Path("invoices")
@RequestScoped
public class InvoiceResource {

    private static final String PDF = "application/pdf";

    @Inject
    JsonWebToken caller;

    @Inject
    FilegateClient filegate;

    @POST
    @Consumes(PDF)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("uploader")
    public Response upload(
            @QueryParam("filename") String filename,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpHeaders headers,
            InputStream pdf) {
        if (filename == null || filename.isBlank()) {
            throw new BadRequestException("filename is required");
        }
        Invoice stored = filegate.upload(org(), filename, pdf, headers.getLength(), authorization);
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reader", "uploader"})
    public List<Invoice> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return filegate.list(org(), authorization);
    }

    @GET
    @Path("{id}")
    @Produces(PDF)
    @RolesAllowed({"reader", "uploader"})
    public StreamingOutput download(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        InputStream pdf = filegate.download(org(), id, authorization);
        return out -> {
            try (pdf) {
                pdf.transferTo(out);
            }
        };
    }

    /** The caller's tenant, from the token's {@code org} claim. */
    private String org() {
        Object org = caller.getClaim("org");
        if (org instanceof JsonString s) {
            return s.getString();
        }
        if (org instanceof String s) {
            return s;
        }
        throw new BadRequestException("the token names no tenant (org claim)");
    }
}
