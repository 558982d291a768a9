using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Passwords;

/// <summary>Refuses a common password wherever Identity checks a new one (reset, and any later way to set one).</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<SsoAccount>
{
    public Task<IdentityResult> ValidateAsync(UserManager<SsoAccount> manager, SsoAccount user, string? password) =>
        Task.FromResult(password is not null && CommonPasswords.Shared.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = CommonPasswords.Refusal })
            : IdentityResult.Success);
}
