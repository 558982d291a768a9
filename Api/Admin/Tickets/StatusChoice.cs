using Api.Shared;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Tickets;

public static class StatusChoice
{
    public static ValidationProblem Invalid() =>
        Problems.Invalid("status", $"Choose a status: {string.Join(", ", TicketStatuses.All)}.");
}
