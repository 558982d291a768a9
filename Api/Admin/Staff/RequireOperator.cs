using Api.Infrastructure;

namespace Api.Admin.Staff;

/// <summary>Refuses partner staff where only platform operators may act (the migration console).</summary>
public sealed class RequireOperator : IEndpointFilter
{
    public const string Refusal = "Only platform operators can plan and run migration batches.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Items[typeof(StaffMember)] is StaffMember { IsOperator: true }
            ? await next(context)
            : Problems.Forbidden("operator-only", "Platform operators only", Refusal);
}
