using System.Reflection;
using Api.Audit;
using Api.Shared;
using Api.Portal;
using Api.Portal.Tickets;

namespace Api.Admin.Staff;

/// <summary>
/// Whoever calls the admin area: a partner's staff member (scoped to that partner) or a platform
/// operator (every partner). Resolved once per request, during authorization, by <see cref="StaffAuthorizationHandler"/>; handlers
/// take it as a parameter. An API client's token resolves to one too (<see cref="ApiClientId"/> set):
/// scoped to its partner, named as the API client in the audit log.
/// </summary>
public sealed record StaffMember(string AccountId, string Name, string Email, string Role, Guid? PartnerId, string? ClientIp, Guid? ApiClientId = null)
{
    /// <summary>A partner's API client (a script), not a person.</summary>
    public bool IsApiClient => ApiClientId is not null;

    public bool IsOperator => Role == ProductRoles.PlatformOperator;

    /// <summary>Partner admins and operators change things; technicians read, resend activation and unlock.</summary>
    public bool CanManage => Role is ProductRoles.PartnerAdmin or ProductRoles.PlatformOperator;

    public AuditActor Actor => new(AccountId, Name, ClientIp);

    /// <summary>The clients this caller may see: their partner's, or every client for an operator.</summary>
    public IQueryable<Client> Scope(IQueryable<Client> clients) =>
        PartnerId is { } partnerId ? clients.Where(c => c.PartnerId == partnerId) : clients;

    /// <summary>The end users this caller may see: their partner's clients' users, never a deleted one.</summary>
    public IQueryable<EndUser> Scope(IQueryable<EndUser> users)
    {
        var visible = users.Where(u => !u.Deleted);
        return PartnerId is { } partnerId ? visible.Where(u => u.PartnerId == partnerId) : visible;
    }

    /// <summary>The staff this caller may see: their partner's, or every partner's for an operator.</summary>
    public IQueryable<PartnerStaff> Scope(IQueryable<PartnerStaff> staff) =>
        PartnerId is { } partnerId ? staff.Where(s => s.PartnerId == partnerId) : staff;

    /// <summary>The tickets this caller may see: their partner's clients' tickets, or every ticket for an operator.</summary>
    public IQueryable<Ticket> Scope(IQueryable<Ticket> tickets) =>
        PartnerId is { } partnerId ? tickets.Where(t => t.Client!.PartnerId == partnerId) : tickets;

    /// <summary>Lets minimal API handlers take the resolved caller as a parameter.</summary>
    public static ValueTask<StaffMember?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult(http.Items[typeof(StaffMember)] as StaffMember);
}
