using Api.Shared;
using Api.Shared.Limits;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Api.Admin.MailLimits;

/// <summary>
/// The e-mails staff actions send (add, resend activation, reset MFA, bulk resend, the support
/// address confirmation): one unit per e-mail, taken from the partner's hourly budget and the
/// recipient address's daily budget before the mail is queued, both or neither. Refused, the action
/// writes nothing and answers 429 with a sentence and Retry-After.
/// </summary>
public sealed class AdminMailBudget(RedisBudget budget, IOptions<AdminMailLimitOptions> options)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>
    /// The last refusal in this request, for actions that report an outcome rather than an answer
    /// (a resend inside a bulk action); null while every take succeeded.
    /// </summary>
    public AdminMailRefusal? LastRefusal { get; private set; }

    /// <summary>Null when one e-mail to <paramref name="recipient"/> may be sent (its units are taken); otherwise the refusal.</summary>
    public async Task<AdminMailRefusal?> TryTakeAsync(Guid partnerId, string recipient)
    {
        var limits = options.Value;
        var refused = await budget.TryTakeAllAsync(
        [
            new(RecipientKey(recipient), limits.PerRecipientPerDay, Day),
            new(PartnerKey(partnerId), limits.PerPartnerPerHour, Hour),
        ]);
        if (refused is null)
        {
            return null;
        }

        return LastRefusal = Refusal(refused, recipient);
    }

    /// <summary>The action sent nothing after all (the user was already active): its units go back.</summary>
    public Task GiveBackAsync(Guid partnerId, string recipient) =>
        Task.WhenAll(budget.GiveBackAsync(RecipientKey(recipient)), budget.GiveBackAsync(PartnerKey(partnerId)));

    public static string PartnerKey(Guid partnerId) => $"admin:mail:partner:{partnerId:N}";

    /// <summary>The address as one mailbox: trimmed, lower case, every spelling Identity treats as one.</summary>
    public static string RecipientKey(string recipient) =>
        $"admin:mail:recipient:{InputRules.NormalizeEmail(recipient) ?? recipient.Trim().ToLowerInvariant()}";

    private static AdminMailRefusal Refusal(BudgetRefusal refused, string recipient)
    {
        var wait = WaitWords.In(refused.RetryAfter);
        return refused.Budget.Key == RecipientKey(recipient)
            ? new(
                Problems.TooManyRequests("Too many e-mails to this address", $"We have already sent {refused.Budget.Limit} e-mails to {recipient} in the last 24 hours, the most we send to one address. Try again {wait}.", refused.RetryAfter),
                $"too many e-mails to this address today; try again {wait}")
            : new(
                Problems.TooManyRequests("Too many e-mails", $"Your team has had us send {refused.Budget.Limit} e-mails in the last hour, the most we send for one partner. Try again {wait}.", refused.RetryAfter),
                $"your team's e-mail limit for this hour is reached; try again {wait}");
    }
}

/// <param name="Problem">The answer to a single action (429).</param>
/// <param name="Reason">The same in a few words, for one line of a bulk action's report.</param>
public sealed record AdminMailRefusal(ProblemHttpResult Problem, string Reason);
