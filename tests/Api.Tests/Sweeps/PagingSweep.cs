using System.Net;
using Api.Tests.Admin;
using Api.Tests.Portal.Tickets;
using Api.Tests.Sso;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document over every list that pages (a <c>page</c> query
/// parameter): a page or page size that is not a number in range is refused 400 with the one
/// sentence of <see cref="Api.Shared.Paging.PageRequest"/>, under the field it is about — the same on every list,
/// the portal's and the admin area's. A list added later is swept without being listed here.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class PagingSweep(SsoApiFactory api)
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var operation in PagedLists())
        {
            foreach (var (query, field) in new[] { ("page=0", "page"), ("page=two", "page"), ("pageSize=0", "pageSize"), ("pageSize=100000", "pageSize") })
            {
                cases.Add(operation.Key, query, field);
            }
        }

        return cases;
    }

    [Fact]
    public void Every_list_that_pages_is_swept() =>
        Assert.Equal(
            [
                "GET /api/admin/api-clients", "GET /api/admin/audit", "GET /api/admin/end-users", "GET /api/admin/home-users", "GET /api/admin/migration/batches/timeline",
                "GET /api/admin/migration/batches/{id}/results", "GET /api/admin/migration/funnel/people", "GET /api/admin/migration/funnels",
                "GET /api/admin/tickets", "GET /api/admin/webhooks/endpoints/{endpointId}/deliveries", "GET /api/portal/devices", "GET /api/portal/tickets",
            ],
            PagedLists().Select(o => o.Key).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_page_out_of_range_is_refused_with_the_one_sentence(string operation, string query, string field)
    {
        var target = ApiDescription.Find(operation);
        var caller = target.Path.StartsWith("/api/portal/", StringComparison.Ordinal)
            ? (await (await TicketWorld.CreateAsync(api.Services)).EndUserAsync()).Login
            : await AdminWorld.OperatorAsync(api.Services);
        var path = target.Parameters.Where(p => p.In == "path")
            .Aggregate(target.Path, (url, p) => url.Replace("{" + p.Name + "}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        using var browser = new SsoDriver(api);

        var answer = await caller.GetAsync(browser, $"{path}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.NotNull(answer.Errors?[field]);
        Assert.Matches(@"^Choose a page number from 1 and a page size from 1 to \d+\.$", answer.Detail);
    }

    private static IEnumerable<ApiOperation> PagedLists() =>
        ApiDescription.Operations.Where(o => o.Method == "GET" && o.Parameters.Any(p => p.Name == "page" && p.In == "query"));
}
