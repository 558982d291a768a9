using Api.Sso.Accounts;
using Api.Sso.Passkeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Login;

/// <summary>
/// First sign-in without an authenticator: the browser's new passkey, verified, satisfies MFA as
/// an authenticator app would; the sign-in completes with ten recovery codes, shown once.
/// </summary>
public static class ConfirmPasskeyEnrollment
{
    /// <summary>
    /// As <see cref="ConfirmEnrollment"/>: the account's stamp is renewed only if it still has no
    /// authenticator app and no passkey, in the transaction that writes the passkey and the codes,
    /// so of two browsers at this step the second writes nothing.
    /// </summary>
    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        PasskeyCredentialRequest body, HttpContext http, LoginServices s, PasskeyServices passkeys, AccountMilestones milestones)
    {
        var (transaction, refusal) = await PendingEnrollment.FindAsync(http, s);
        if (transaction is null)
        {
            return refusal!;
        }

        if (body.Name is not null && !AccountPasskeys.IsValidName(body.Name))
        {
            return LoginResults.Invalid("name", PasskeyProblems.NameInvalid);
        }

        var state = await passkeys.Ceremonies.TakeAsync(PasskeyCeremony.Enrol, transaction.Id);
        if (state is null)
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var attestation = await passkeys.Handler.PerformAttestationAsync(new PasskeyAttestationContext
        {
            HttpContext = http,
            CredentialJson = body.Credential.GetRawText(),
            AttestationState = state,
        });
        if (!attestation.Succeeded || attestation.UserEntity.Id != transaction.AccountId)
        {
            return LoginResults.Problem(PasskeyProblems.NotRegistered);
        }

        if (!await s.Transactions.ConsumeAsync(transaction.Id))
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var accountId = transaction.AccountId!;
        var (stamp, concurrency) = (AccountAdministration.NewStamp(), AccountAdministration.NewStamp());
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var recoveryCodes = RecoveryCodes.Generate();
        await using (var dbTransaction = await s.Db.Database.BeginTransactionAsync())
        {
            var enrolled = await s.Db.Users
                .Where(a => a.Id == accountId && a.ProtectedTotpSecret == null && a.SecurityStamp == transaction.SecurityStamp
                    && !s.Db.Set<IdentityUserPasskey<string>>().Any(p => p.UserId == a.Id))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.SecurityStamp, stamp)
                    .SetProperty(a => a.ConcurrencyStamp, concurrency));
            if (enrolled == 0)
            {
                await dbTransaction.RollbackAsync();
                return await PendingEnrollment.RefuseAsync(transaction, s, reload: true) ?? LoginResults.Problem(LoginProblems.Expired);
            }

            AccountPasskeys.Add(s.Db, accountId, attestation.Passkey, body.Name, now);
            await s.Db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).ExecuteDeleteAsync();
            s.Db.AddRange(recoveryCodes.Select(code => new RecoveryCode { AccountId = accountId, CodeHash = s.RecoveryCodes.Hash(code) }));
            var account = await s.Db.Users.AsNoTracking().FirstAsync(a => a.Id == accountId);
            s.Emails.QueuePasskeyAdded(account, now);
            await s.Db.SaveChangesAsync();
            await milestones.ReachedAsync(new AccountMilestoneReached(accountId, AccountMilestone.AuthenticatorEnrolled));
            await dbTransaction.CommitAsync();
        }

        var enrolledAccount = (await s.Users.FindByIdAsync(accountId))!;
        var done = await LoginOutcome.StartSessionAsync(
            transaction with { SecurityStamp = stamp }, enrolledAccount, http, s, AccountPasskeys.AuthenticationMethods(attestation.Passkey));
        return done is null ? LoginResults.Problem(LoginProblems.Expired) : TypedResults.Ok(done with { RecoveryCodes = recoveryCodes });
    }
}
