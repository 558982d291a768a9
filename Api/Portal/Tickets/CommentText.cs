using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.Tickets;

/// <summary>A comment's or answer's text: not blank, within <see cref="TicketRules.MaxTextLength"/>.</summary>
public static class CommentText
{
    /// <summary>The trimmed text, or null when it is blank or too long.</summary>
    public static string? Check(string? body) =>
        body?.Trim() is { Length: > 0 and <= TicketRules.MaxTextLength } text ? text : null;

    public static ValidationProblem Invalid() =>
        Problems.Invalid("body", $"Write a message of up to {TicketRules.MaxTextLength} characters.");
}
