using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Staff;

/// <summary>Refuses technicians where only partner admins (and operators) may act.</summary>
public sealed class RequireManager : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Items[typeof(StaffMember)] is StaffMember { CanManage: true }
            ? await next(context)
            : Refusal();

    /// <summary>The answer to a technician, also for handlers that decide by their input (a bulk action).</summary>
    public static ProblemHttpResult Refusal() =>
        Problems.Forbidden("admin-only", "Partner admins only", "Only a partner admin can do this. Ask a partner admin of your company.");
}
