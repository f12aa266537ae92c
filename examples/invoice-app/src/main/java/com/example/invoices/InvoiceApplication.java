package com.example.invoices;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The invoice service: its users sign in with the same identity provider as filegate's, so their bearer tokens carry
 * the tenant ({@code org}) and the roles filegate checks, and the service forwards them to filegate unchanged.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"reader", "uploader"})
public class InvoiceApplication extends Application {}
