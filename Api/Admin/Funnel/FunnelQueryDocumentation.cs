using System.Text.Json.Nodes;
using Api.SsoMigration.Funnel;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Api.Admin.Funnel;

/// <summary>
/// The funnel's query values are bound as text (so a wrong one gets a sentence naming it, see
/// <see cref="FunnelScope.ReadAsync"/>); the OpenAPI document still says what each accepts, so the
/// SPA's generated client offers ids and the step names, and the sweeps try another partner's ids.
/// </summary>
public static class FunnelQueryDocumentation
{
    public static TBuilder DescribeFunnelQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "batchId" or "clientId" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    "step" => new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [.. Enum.GetValues<FunnelStep>().Select(s => (JsonNode)JsonValue.Create(FunnelWireNames.Of(s)))],
                    },
                    _ => parameter.Schema,
                };
            }

            return Task.CompletedTask;
        });
}
