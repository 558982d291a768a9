using Api.Shared;
using Api.Sso.Products;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.HomeUsers;

/// <summary>The sentences Home &gt; User Management answers with.</summary>
public static class HomeUserProblems
{
    /// <summary>Another partner's person answers exactly like one that does not exist.</summary>
    public static ProblemHttpResult PersonNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Person not found", "This person does not exist, or is not one of your company's people in User Management.");

    public static ProblemHttpResult ProductNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Product not found", "This product is not one of the platform's products.");

    public static ValidationProblem RolesMissing() =>
        Problems.Invalid("roles", "Say which roles the person should have in this product; an empty list takes every role away.");

    /// <summary>A role the product does not let partner admins give (or does not have at all).</summary>
    public static ValidationProblem NotAssignable(Product product, string role) =>
        Problems.Invalid("roles", product.AssignableRoles.Count == 0
            ? $"Roles in the {product.DisplayName} are not given in User Management."
            : $"\"{role}\" is not a role you can give in the {product.DisplayName}. Choose from: {string.Join(", ", product.AssignableRoles)}.");
}
