namespace Api.Scim;

/// <summary>The schema URNs SCIM messages name (RFC 7643 §8.7, RFC 7644 §3), and this portal's own extension.</summary>
public static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>
    /// The portal's extension: which client the user works for (<c>clientId</c>), their role in its
    /// portal, and read-only facts (on single sign-on yet, waiting for an account's owner).
    /// </summary>
    public const string PortalUser = "urn:msp-portal:params:scim:schemas:extension:msp:2.0:User";

    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /// <summary>The media type of every SCIM message (RFC 7644 §3.1); <c>application/json</c> is accepted too.</summary>
    public const string MediaType = "application/scim+json";
}
