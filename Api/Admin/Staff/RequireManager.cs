using Api.Infrastructure;

namespace Api.Admin.Staff;

/// <summary>Refuses technicians where only partner admins (and operators) may act.</summary>
public sealed class RequireManager : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Items[typeof(StaffMember)] is StaffMember { CanManage: true }
            ? await next(context)
            : Problems.Forbidden("admin-only", "Partner admins only", "Only a partner admin can do this. Ask a partner admin of your company.");
}
