using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Oidc;

/// <summary>Who a session's subject is: an SSO account, or a subject a product signed in with its own form.</summary>
public sealed class SubjectDirectory(UserManager<SsoAccount> users, IProductUserDirectory products)
{
    public async Task<SubjectInfo?> FindAsync(string subject)
    {
        var account = await users.FindByIdAsync(subject);
        return account is null
            ? await products.FindOwnSubjectAsync(subject)
            : new SubjectInfo(account.DisplayName, account.Email!, account.EmailConfirmed, [.. await users.GetRolesAsync(account)]);
    }
}
