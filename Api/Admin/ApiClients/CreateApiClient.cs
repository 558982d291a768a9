using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Sso.MachineClients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ApiClients;

/// <summary>
/// Creates an API client: a machine client of the SSO whose tokens carry the partner, its row here
/// and the audit entry, in one transaction. The secret is in this answer and nowhere else. The
/// partner's row is locked first (an update of nothing), so parallel creates count one after another
/// and the limit of active clients holds (SQLite has one writer anyway; SQL Server waits on the lock).
/// </summary>
public static class CreateApiClient
{
    public static async Task<Results<Created<CreatedApiClient>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ApiClientInput input, StaffMember staff, [AsParameters] ApiClientServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is not { } partnerId)
        {
            return ApiClientProblems.PartnersOnly();
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > ApiClientInput.MaxNameLength)
        {
            return Problems.Invalid("name", $"Give the API client a name of 1 to {ApiClientInput.MaxNameLength} characters, e.g. the script or tool that will use it.");
        }

        var scopes = (input.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0 || scopes.Any(scope => !ApiClientScopes.All.Contains(scope)))
        {
            return Problems.Invalid("scopes", $"Choose at least one scope: {string.Join(", ", ApiClientScopes.All)}.");
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        await s.Db.Partners.Where(p => p.Id == partnerId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, p => p.Name), cancellationToken);
        var limit = s.Limits.Value.MaxActivePerPartner;
        if (await s.Visible(staff).CountAsync(c => c.RevokedAt == null, cancellationToken) >= limit)
        {
            return ApiClientProblems.TooMany(limit);
        }

        var ordered = ApiClientScopes.All.Where(scopes.Contains).ToList();
        var credentials = await s.Registry.CreateAsync(name, ordered,
            new Dictionary<string, string> { [ApiClientCaller.PartnerClaim] = partnerId.ToString() }, cancellationToken);
        var client = new ApiClient
        {
            PartnerId = partnerId,
            Name = name,
            ClientId = credentials.ClientId,
            Scopes = string.Join(' ', ordered),
            CreatedAt = s.Clock.GetUtcNow().UtcDateTime,
            CreatedBy = staff.Name,
        };
        s.Db.Add(client);
        s.Record(staff, AuditActions.ApiClientCreated, client, after: new { client.Name, client.ClientId, Scopes = ordered });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/api-clients/{client.Id}",
            new CreatedApiClient(ApiClientRow.Of(client, client.CreatedAt), credentials.Secret));
    }
}
