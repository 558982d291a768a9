using System.Net;
using Api.Audit;
using Api.Shared;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Api.Tests.Sweeps;

namespace Api.Tests.Portal.Branding;

/// <summary>
/// Settings &gt; Branding: a partner admin sets the colour and support contact, the partner's end
/// users see them in the portal; wrong input is refused field by field with a sentence; every
/// real change is audited once, a repeated one not at all.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class BrandingSettingsTests(SsoApiFactory api)
{
    private static readonly object Contoso = new { color = "#1A5FB4", supportEmail = "Help@Partner.Example", supportPhone = "+1 (555) 0100", supportHours = "Mon–Fri 8:00–18:00 CET" };

    [Fact]
    public async Task The_partner_admins_branding_reaches_the_partners_end_users()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var endUser = await world.SignInAsync(await world.EndUserAsync());
        using var browser = new SsoDriver(api);

        var unset = await endUser.GetAsync(browser, "/api/portal/me");
        var saved = await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", Contoso);
        var me = await endUser.GetAsync(browser, "/api/portal/me");

        Assert.Equal(world.Partner.Name, unset.Json!["branding"]!["partnerName"]!.GetValue<string>());
        Assert.Null(unset.Json["branding"]!["color"]);
        Assert.Null(unset.Json["branding"]!["logoUrl"]);
        Assert.Null(unset.Json["support"]!["email"]);
        Assert.Equal("End User", unset.String("role"));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("#1a5fb4", saved.String("color"));
        Assert.Equal("#1a5fb4", me.Json!["branding"]!["color"]!.GetValue<string>());
        Assert.Equal(world.Partner.Name, me.Json["support"]!["name"]!.GetValue<string>());
        Assert.Equal("help@partner.example", me.Json["support"]!["email"]!.GetValue<string>());
        Assert.Equal("+1 (555) 0100", me.Json["support"]!["phone"]!.GetValue<string>());
        Assert.Equal("Mon–Fri 8:00–18:00 CET", me.Json["support"]!["hours"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_partners_end_users_keep_their_own_look()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var admin = await mine.StaffAsync();
        var stranger = await theirs.SignInAsync(await theirs.EndUserAsync());
        using var browser = new SsoDriver(api);

        await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", Contoso);
        var me = await stranger.GetAsync(browser, "/api/portal/me");

        Assert.Equal(theirs.Partner.Name, me.Json!["branding"]!["partnerName"]!.GetValue<string>());
        Assert.Null(me.Json["branding"]!["color"]);
        Assert.Null(me.Json["support"]!["email"]);
    }

    [Theory]
    [InlineData("color", "red")]
    [InlineData("color", "#12345")]
    [InlineData("color", "#12345g")]
    [InlineData("color", "#1234567")]
    [InlineData("supportEmail", "not-an-email")]
    [InlineData("supportPhone", "call me maybe")]
    [InlineData("supportPhone", "+1 555 0100 0100 0100 0100 0100 0100 0100 0100 0100 0100")]
    [InlineData("supportHours", "line one\nline two")]
    public async Task Wrong_input_is_refused_with_a_sentence_about_the_field(string field, string value)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var body = new Dictionary<string, string?> { ["color"] = null, ["supportEmail"] = null, ["supportPhone"] = null, ["supportHours"] = null, [field] = value };

        var answer = await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", body);
        var unchanged = await admin.GetAsync(browser, "/api/admin/branding");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Errors?.ContainsKey(field), answer.ToString());
        Assert.True(MalformedInputSweep.HasSentence(answer), answer.ToString());
        Assert.Null(unchanged.String(field));
        Assert.Empty(await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id));
    }

    [Fact]
    public async Task Support_hours_longer_than_two_hundred_characters_are_refused()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var answer = await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", new { supportHours = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("200 characters", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_technician_reads_the_branding_but_cannot_change_it_and_an_operator_is_sent_to_the_partner()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var platformOperator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var read = await technician.GetAsync(browser, "/api/admin/branding");
        var change = await technician.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", Contoso);
        var logo = await technician.UploadAsync(browser, LogoFiles.Png(), "logo.png", "image/png");
        var operatorRead = await platformOperator.GetAsync(browser, "/api/admin/branding");
        var operatorChange = await platformOperator.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", Contoso);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(world.Partner.Name, read.String("partnerName"));
        Assert.Equal(HttpStatusCode.Forbidden, change.Status);
        Assert.Equal(HttpStatusCode.Forbidden, logo.Status);
        Assert.Equal(HttpStatusCode.Conflict, operatorRead.Status);
        Assert.Equal(HttpStatusCode.Conflict, operatorChange.Status);
        Assert.True(MalformedInputSweep.HasSentence(operatorChange), operatorChange.ToString());
        Assert.Empty(await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id));
    }

    [Fact]
    public async Task A_change_is_audited_with_the_changed_fields_and_saving_it_again_is_not()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", Contoso);
        await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", Contoso);
        await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", new { color = "#000000", supportEmail = "help@partner.example", supportPhone = "+1 (555) 0100", supportHours = "Mon–Fri 8:00–18:00 CET" });

        var audit = await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id, AuditActions.BrandingEdited);
        Assert.Equal(2, audit.Count);
        var recolour = Assert.Single(audit, e => e.After == """{"color":"#000000"}""");
        Assert.Equal("""{"color":"#1a5fb4"}""", recolour.Before);
        Assert.Equal(world.Partner.Id, recolour.PartnerId);
    }
}
