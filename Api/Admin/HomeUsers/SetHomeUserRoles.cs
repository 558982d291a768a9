using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.Shared.Transactions;
using Api.Sso.Accounts;
using Api.Sso.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.HomeUsers;

/// <summary>
/// Sets a person's roles in one product: only roles the product lets partner admins give, and
/// nothing else of the account changes (other products' roles, the portal's). Taking a role away
/// ends the person's SSO sessions, so every product signs them in again. Each real change is
/// audited with the roles before and after; the same roles again change nothing and write nothing.
/// </summary>
public static class SetHomeUserRoles
{
    public static async Task<Results<Ok<HomeUserRow>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid personId,
        string productClientId,
        SetProductRolesRequest body,
        StaffMember staff,
        AppDbContext db,
        AccountAdministration accounts,
        ProductCatalog catalog,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        if (catalog.FindByClientId(productClientId) is not { } product)
        {
            return HomeUserProblems.ProductNotFound();
        }

        if (body.Roles is not { } roles)
        {
            return HomeUserProblems.RolesMissing();
        }

        if (roles.FirstOrDefault(role => !product.AssignableRoles.Contains(role, StringComparer.Ordinal)) is { } notAssignable)
        {
            return HomeUserProblems.NotAssignable(product, notAssignable);
        }

        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var person = await HomeUserListing.Query(staff, db, accounts).FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        var change = person is null ? null : await accounts.SetProductRolesAsync(person.AccountId, product.AssignableRoles, roles, cancellationToken);
        if (person is null || change is null)
        {
            return HomeUserProblems.PersonNotFound();
        }

        if (change.Changed)
        {
            audit.Record(
                staff.Actor,
                AuditActions.HomeUserRolesChanged,
                person.PartnerId,
                new AuditTarget(person.Kind, person.Id.ToString(), person.Name),
                new { product = product.ClientId, roles = change.Before },
                new { product = product.ClientId, roles = change.After });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var held = await accounts.RolesOfAsync([person.AccountId], cancellationToken);
        return TypedResults.Ok(HomeUserRow.From(person, held.GetValueOrDefault(person.AccountId) ?? [], catalog));
    }
}

/// <param name="Roles">Every role the person should have in the product (an empty list takes them all away).</param>
public sealed record SetProductRolesRequest(IReadOnlyList<string>? Roles);
