using Api.Shared;
using Api.Shared.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Api.Portal.Tickets;

/// <summary>
/// The budgets a new ticket takes from before anything is written: the user's and the client's
/// tickets per hour and per day, and the client's attachment bytes per day. All or none is taken,
/// atomically in Redis, so fifty tickets sent at once never pass a limit; a refused ticket writes
/// nothing (no ticket, no file, no e-mail) and answers 429 with a sentence and Retry-After.
/// </summary>
public sealed class TicketLimits(RedisBudget budget, IOptions<TicketLimitOptions> options)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Null when the ticket may be opened (its units are taken); otherwise the answer to give.</summary>
    public async Task<ProblemHttpResult?> TryTakeAsync(EndUser user, long attachmentBytes)
    {
        var limits = options.Value;
        List<BudgetLimit> budgets =
        [
            new(UserHourKey(user.Id), limits.TicketsPerUserPerHour, Hour),
            new(UserDayKey(user.Id), limits.TicketsPerUserPerDay, Day),
            new(ClientHourKey(user.ClientId), limits.TicketsPerClientPerHour, Hour),
            new(ClientDayKey(user.ClientId), limits.TicketsPerClientPerDay, Day),
        ];
        if (attachmentBytes > 0)
        {
            budgets.Add(new(ClientBytesKey(user.ClientId), limits.AttachmentBytesPerClientPerDay, Day, attachmentBytes));
        }

        return await budget.TryTakeAllAsync(budgets) is { } refused ? Refusal(refused, user) : null;
    }

    public static string UserHourKey(Guid endUserId) => $"portal:tickets:user:{endUserId:N}:hour";

    public static string UserDayKey(Guid endUserId) => $"portal:tickets:user:{endUserId:N}:day";

    public static string ClientHourKey(Guid clientId) => $"portal:tickets:client:{clientId:N}:hour";

    public static string ClientDayKey(Guid clientId) => $"portal:tickets:client:{clientId:N}:day";

    public static string ClientBytesKey(Guid clientId) => $"portal:tickets:client:{clientId:N}:attachment-bytes";

    private static ProblemHttpResult Refusal(BudgetRefusal refused, EndUser user)
    {
        var wait = WaitWords.In(refused.RetryAfter);
        var key = refused.Budget.Key;
        var sentence =
            key == UserHourKey(user.Id) ? $"You have opened many tickets in the last hour. Try again {wait}." :
            key == UserDayKey(user.Id) ? $"You have opened many tickets today. Try again {wait}, or call your IT provider if it is urgent." :
            key == ClientBytesKey(user.ClientId) ? $"Your organisation has attached many files today. Try again {wait}, or send the ticket without the file." :
            key == ClientHourKey(user.ClientId) ? $"Your organisation has opened many tickets in the last hour. Try again {wait}, or call your IT provider if it is urgent." :
            $"Your organisation has opened many tickets today. Try again {wait}, or call your IT provider if it is urgent.";
        return Problems.TooManyRequests("Too many tickets", sentence, refused.RetryAfter);
    }
}
