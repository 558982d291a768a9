using Microsoft.AspNetCore.Authorization;

namespace Api.Admin.Staff;

/// <summary>
/// The caller is partner staff (a staff row of their SSO account, read on every request so a
/// removed staff member loses access at once, not when their token expires) or a platform
/// operator (the role in their token), with an SSO account in good standing (not disabled).
/// Checked by <see cref="StaffAuthorizationHandler"/>, which keeps the resolved <see cref="StaffMember"/> for the handler.
/// </summary>
public sealed class StaffRequirement : IAuthorizationRequirement
{
    public const string Refusal = "This area is for your IT provider's staff. Sign in with a staff account.";
}
