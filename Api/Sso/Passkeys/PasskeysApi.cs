using Api.Shared;

namespace Api.Sso.Passkeys;

/// <summary>
/// Edit Profile → Security, the SSO's side: the signed-in user's own passkeys. Adding and removing
/// need a sign-in of the last 5 minutes (<see cref="FreshSignIn"/>) and mail the owner.
/// </summary>
public static class PasskeysApi
{
    public static IEndpointRouteBuilder MapPasskeysApi(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup("/api/sso/passkeys").WithTags("SSO passkeys").RequireAuthorization().NoStore();
        passkeys.MapGet("", ListPasskeys.HandleAsync).WithName("ListPasskeys").WithSummary("The signed-in user's passkeys: name, created, last used, synced or on one device.");
        passkeys.MapPost("/options", GetNewPasskeyOptions.HandleAsync).WithName("GetNewPasskeyOptions").WithSummary("WebAuthn creation options for another passkey (needs a sign-in of the last 5 minutes).");
        passkeys.MapPost("", AddPasskey.HandleAsync).WithName("AddPasskey").WithSummary("Registers the new passkey; mails the owner.");
        passkeys.MapPut("/{id}/name", RenamePasskey.HandleAsync).WithName("RenamePasskey").WithSummary("Renames one of the user's passkeys.");
        passkeys.MapDelete("/{id}", RemovePasskey.HandleAsync).WithName("RemovePasskey").WithSummary("Removes one of the user's passkeys (needs a sign-in of the last 5 minutes); mails the owner. The account's last second step (no other passkey, no authenticator app) is kept: 409.");
        return app;
    }
}
