using System.Net;
using Api.Shared;

namespace Api.Tests.Scim;

/// <summary>
/// Who may call /scim/v2 (the scim policy): a partner admin with an MFA session. Operators belong
/// to no partner and are refused, as are technicians, sessions without MFA and nobody; the
/// discovery documents say what the service does (RFC 7643 §5–7).
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ScimAccessTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "4.3.1")]
    public async Task Operators_technicians_password_only_sessions_and_anonymous_callers_are_refused()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var refused = new (StaffLogin? Login, HttpStatusCode Status)[]
        {
            (await AdminWorld.OperatorAsync(api.Services), HttpStatusCode.Forbidden),
            (await world.StaffAsync(ProductRoles.PartnerTechnician), HttpStatusCode.Forbidden),
            (await world.StaffAsync(mfa: false), HttpStatusCode.Forbidden),
            (await world.EndUserLoginAsync(), HttpStatusCode.Forbidden),
            (null, HttpStatusCode.Unauthorized),
        };

        foreach (var (login, status) in refused)
        {
            using var caller = ScimCaller.As(api, login ?? new StaffLogin("", "", "", "not-a-token"));
            foreach (var answer in new[] { await caller.GetAsync("Users"), await caller.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}"}"""), await caller.GetAsync("ServiceProviderConfig") })
            {
                Assert.True(answer.Status == status, $"{login?.Email}: {answer}");
                Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)answer.Json?["schemas"]?[0]);
                Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)answer.Json?["status"]);
                Assert.EndsWith(".", answer.Detail);
            }
        }
    }

    [Fact]
    public async Task The_discovery_documents_describe_users_patch_filter_and_etags()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);

        var config = await scim.GetAsync("ServiceProviderConfig");
        Assert.Equal("application/scim+json", config.MediaType);
        var json = config.Json!;
        Assert.True((bool)json["patch"]!["supported"]!);
        Assert.False((bool)json["bulk"]!["supported"]!);
        Assert.True((bool)json["filter"]!["supported"]!);
        Assert.Equal(200, (int)json["filter"]!["maxResults"]!);
        Assert.False((bool)json["changePassword"]!["supported"]!);
        Assert.False((bool)json["sort"]!["supported"]!);
        Assert.True((bool)json["etag"]!["supported"]!);
        Assert.Equal("oauthbearertoken", (string?)json["authenticationSchemes"]![0]!["type"]);

        var types = await scim.GetAsync("ResourceTypes");
        Assert.Equal("/Users", (string?)Assert.Single(types.Resources)!["endpoint"]);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("ResourceTypes/User")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync("ResourceTypes/Group")).Status);

        var schemas = await scim.GetAsync("Schemas");
        Assert.Equal(
            ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:msp-portal:params:scim:schemas:extension:msp:2.0:User"],
            schemas.Resources.Select(s => (string)s!["id"]!));
        var user = await scim.GetAsync("Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        Assert.Contains(user.Json!["attributes"]!.AsArray(), a => (string?)a!["name"] == "userName" && (string?)a["uniqueness"] == "server");
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_not_scim_answers_a_scim_error_with_a_sentence()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        using var scim = await ScimCaller.ForPartnerAsync(api, world);

        var broken = await scim.PostAsync("Users", "{\"userName\":");
        var xml = await scim.SendAsync(HttpMethod.Post, "Users", "<user/>", mediaType: "application/xml");
        var plainJson = await scim.SendAsync(HttpMethod.Post, "Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}"}""", mediaType: "application/json");
        var noAddress = await scim.PostAsync("Users", """{"userName":"bjensen"}""");
        var nothing = await scim.PostAsync("Users", """{"displayName":"Nobody"}""");
        var twoAddresses = await scim.PostAsync("Users", $$"""{"userName":"{{ScimCaller.NewEmail()}}","emails":[{"type":"work","value":"{{ScimCaller.NewEmail()}}"}]}""");

        Assert.Equal(("400", "invalidSyntax"), ((string?)broken.Json!["status"], broken.ScimType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.Status);
        Assert.Equal(HttpStatusCode.Created, plainJson.Status);
        Assert.All(new[] { noAddress, nothing, twoAddresses }, a =>
        {
            Assert.True(a.Status == HttpStatusCode.BadRequest, a.ToString());
            Assert.Equal("invalidValue", a.ScimType);
            Assert.EndsWith(".", a.Detail);
        });
    }
}
