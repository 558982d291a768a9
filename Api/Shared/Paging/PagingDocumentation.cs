using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Api.Shared.Paging;

/// <summary>
/// <see cref="PageRequest"/> binds page and pageSize as text (so a wrong one gets a sentence); the
/// OpenAPI document still says what they accept, so the SPA's generated client offers numbers.
/// </summary>
public static class PagingDocumentation
{
    public static TBuilder DescribePaging<TBuilder>(this TBuilder builder, PageSizeLimits limits)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "page" => Number(PageRequest.MaxPage, 1),
                    "pageSize" => Number(limits.Max, limits.Default),
                    _ => parameter.Schema,
                };
            }

            return Task.CompletedTask;
        });

    // A number or its digits, as the document describes every number the Api reads: a query
    // value is text anyway, and the SPA's pages pass either.
    private static OpenApiSchema Number(int max, int absent) => new()
    {
        Type = JsonSchemaType.Integer | JsonSchemaType.String,
        Format = "int32",
        Minimum = "1",
        Maximum = max.ToString(CultureInfo.InvariantCulture),
        Default = absent,
    };
}
