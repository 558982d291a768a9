using System.Text.RegularExpressions;
using Api.Shared;
using Api.Sso.Oidc;
using Microsoft.Extensions.Options;

namespace Api.Sso.Products;

/// <summary>
/// Stops start-up on a product configuration that would fail later or quietly weaken sign-in,
/// with one sentence per problem naming the product and the field.
/// </summary>
public sealed partial class ProductOptionsValidator(IConfiguration configuration) : IValidateOptions<ProductOptions>
{
    public const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, ProductOptions options)
    {
        var allowHttp = configuration.GetValue<bool>("Identity:AllowHttp");
        var errors = new List<string>();
        foreach (var (clientId, product) in options.Products)
        {
            errors.AddRange(Problems(clientId, product, allowHttp));
        }

        foreach (var shared in options.Products
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value.Audience))
            .GroupBy(pair => pair.Value.Audience!, StringComparer.Ordinal)
            .Where(group => group.Count() > 1))
        {
            errors.Add($"Sso:Products: the products {string.Join(" and ", shared.Select(pair => pair.Key))} share the Audience \"{shared.Key}\"; " +
                "each product needs its own, or one product's tokens would be accepted by the other's API.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Problems(string clientId, ProductSettings product, bool allowHttp)
    {
        var at = $"Sso:Products:{clientId}";
        if (!KnownName().IsMatch(clientId))
        {
            yield return $"{at}: the client id \"{clientId}\" must be lower-case letters, digits and dashes (2 to 50, starting with a letter).";
        }

        if (string.IsNullOrWhiteSpace(product.DisplayName))
        {
            yield return $"{at}:DisplayName is missing: users see it in Home > User Management.";
        }

        if (string.IsNullOrWhiteSpace(product.Audience))
        {
            yield return $"{at}:Audience is missing: it names the product's API in its access tokens.";
        }
        else if (!KnownName().IsMatch(product.Audience))
        {
            yield return $"{at}:Audience \"{product.Audience}\" must be lower-case letters, digits and dashes (2 to 50, starting with a letter).";
        }

        if (product.Type == ProductApplicationType.Confidential && (product.ClientSecret?.Length ?? 0) < MinimumSecretLength)
        {
            yield return $"{at}:ClientSecret is missing or shorter than {MinimumSecretLength} characters: a confidential product authenticates with it. " +
                $"Set it outside the repository, e.g. the environment variable Sso__Products__{clientId}__ClientSecret.";
        }

        if (product.Type == ProductApplicationType.Public && !string.IsNullOrEmpty(product.ClientSecret))
        {
            yield return $"{at}:ClientSecret is set on a public product: a browser app cannot keep a secret. Remove it, or make the product Confidential.";
        }

        if (product.RedirectUris.Count == 0)
        {
            yield return $"{at}:RedirectUris is empty: the product could never receive a sign-in.";
        }

        foreach (var problem in product.RedirectUris.Select((uri, i) => UriProblem($"{at}:RedirectUris:{i}", uri, allowHttp))
            .Concat(product.PostLogoutRedirectUris.Select((uri, i) => UriProblem($"{at}:PostLogoutRedirectUris:{i}", uri, allowHttp)))
            .Append(string.IsNullOrEmpty(product.BackChannelLogoutUri) ? null : UriProblem($"{at}:BackChannelLogoutUri", product.BackChannelLogoutUri, allowHttp))
            .OfType<string>())
        {
            yield return problem;
        }

        if (product.Roles.Count == 0)
        {
            yield return $"{at}:Roles is empty: list the roles the product knows (its tokens carry only these).";
        }

        foreach (var role in product.Roles.Where(role => !KnownName().IsMatch(role)))
        {
            yield return $"{at}:Roles: \"{role}\" is not a role name (lower-case letters, digits and dashes, 2 to 50, starting with a letter).";
        }

        foreach (var role in product.AssignableRoles.Where(role => !product.Roles.Contains(role, StringComparer.Ordinal)))
        {
            yield return $"{at}:AssignableRoles: \"{role}\" is not one of the product's Roles; only a role the product knows can be given.";
        }

        foreach (var problem in PlatformRoleProblems(at, clientId, product))
        {
            yield return problem;
        }
    }

    /// <summary>
    /// Roles are one namespace across every product (an account's roles are shared), so a product
    /// that named a platform role would grant the portal's staff rights under its own meaning.
    /// Only the portal's own entry lists them in Roles (its tokens carry them), and nobody, the
    /// portal included, makes them assignable: Home > User Management must never hand them out.
    /// </summary>
    private static IEnumerable<string> PlatformRoleProblems(string at, string clientId, ProductSettings product)
    {
        if (clientId != OidcServerExtensions.PortalClientId)
        {
            foreach (var role in product.Roles.Where(ProductRoles.IsPlatformRole))
            {
                yield return $"{at}:Roles: \"{role}\" is reserved for the platform ({ReservedRoles}); " +
                    $"only the portal ({OidcServerExtensions.PortalClientId}) may list it. Give the product a role name of its own.";
            }
        }

        foreach (var role in product.AssignableRoles.Where(ProductRoles.IsPlatformRole))
        {
            yield return $"{at}:AssignableRoles: \"{role}\" is reserved for the platform ({ReservedRoles}) and cannot be assignable: " +
                "the platform grants it itself, never through Home > User Management.";
        }
    }

    private static string ReservedRoles =>
        $"{ProductRoles.PlatformOperator}, {ProductRoles.PartnerAdmin}, {ProductRoles.PartnerTechnician}, {ProductRoles.PortalPrefix}*";

    /// <summary>
    /// A relative URI ("/portal/callback") is on the issuer's origin; an absolute one must be https,
    /// or http on localhost (or anywhere when Identity:AllowHttp is set), without a fragment.
    /// </summary>
    private static string? UriProblem(string at, string uri, bool allowHttp)
    {
        if (uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal))
        {
            return Uri.TryCreate(uri, UriKind.Relative, out _) && !uri.Contains('#') ? null
                : $"{at}: \"{uri}\" is not a valid path.";
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var absolute) || (absolute.Scheme != Uri.UriSchemeHttps && absolute.Scheme != Uri.UriSchemeHttp))
        {
            return $"{at}: \"{uri}\" is neither an absolute http(s) URI nor a path starting with \"/\".";
        }

        if (!string.IsNullOrEmpty(absolute.Fragment))
        {
            return $"{at}: \"{uri}\" has a fragment (#…), which OpenID Connect does not allow.";
        }

        return absolute.Scheme == Uri.UriSchemeHttp && !absolute.IsLoopback && !allowHttp
            ? $"{at}: \"{uri}\" uses http; use https (http is allowed only for localhost, or when Identity:AllowHttp is set)."
            : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,49}$")]
    private static partial Regex KnownName();
}
