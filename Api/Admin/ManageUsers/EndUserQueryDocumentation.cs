using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Api.Admin.ManageUsers;

/// <summary>
/// The list's query values are bound as text (so a wrong one gets a sentence naming it, see
/// <see cref="EndUserFilter.TryRead"/>); the OpenAPI document still says what each one accepts,
/// so the SPA's generated client offers exactly these values. Page and page size are described by
/// <see cref="Shared.Paging.PagingDocumentation"/>, as on every list.
/// </summary>
public static class EndUserQueryDocumentation
{
    public static TBuilder DescribeEndUserQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "search" => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = EndUserFilter.MaxSearchLength },
                    "clientId" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    "status" => Choice(EndUserFilter.Statuses.Keys),
                    "migrated" or "desc" => new OpenApiSchema { Type = JsonSchemaType.Boolean },
                    "ssoState" => Choice(SsoStateNames.ByName.Keys),
                    "needsAttention" => Choice(["true"]),
                    "sort" => Choice(EndUserFilter.SortNames.Keys),
                    _ => parameter.Schema,
                };
            }

            return Task.CompletedTask;
        });

    private static OpenApiSchema Choice(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
}
