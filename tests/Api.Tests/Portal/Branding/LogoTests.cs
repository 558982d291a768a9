using System.Net;
using Api.Audit;
using Api.Portal.Branding;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Api.Tests.Sweeps;

namespace Api.Tests.Portal.Branding;

/// <summary>
/// The partner's logo: accepted for what its bytes are (PNG, JPEG, WebP), whatever its name or
/// claimed type; SVG and anything else refused with a sentence; served to anyone at an address
/// that changes with the logo, so browsers may keep it for a year.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class LogoTests(SsoApiFactory api)
{
    [Fact]
    public async Task An_uploaded_logo_is_served_to_anyone_as_an_image_cached_for_a_year()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var endUser = await world.SignInAsync(await world.EndUserAsync());
        using var browser = new SsoDriver(api);
        var png = LogoFiles.Png();

        var uploaded = await admin.UploadAsync(browser, png, "logo.png", "image/png");
        var logoUrl = (await endUser.GetAsync(browser, "/api/portal/me")).Json!["branding"]!["logoUrl"]!.GetValue<string>();
        // An <img> asks without a token.
        var logo = await browser.Http.GetAsync(logoUrl);

        Assert.Equal(HttpStatusCode.OK, uploaded.Status);
        Assert.Equal(logoUrl, uploaded.String("logoUrl"));
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal(png, await logo.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        var cache = logo.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id, AuditActions.LogoChanged));
        Assert.Contains(LogoImage.Recognise(png)!.Id, audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_logo_gets_a_new_address_and_the_old_one_is_gone()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var first = (await admin.UploadAsync(browser, LogoFiles.Png(0x10, 0x20, 0x30), "logo.png", "image/png")).String("logoUrl")!;
        var again = (await admin.UploadAsync(browser, LogoFiles.Png(0x10, 0x20, 0x30), "same.png", "image/png")).String("logoUrl")!;
        var second = (await admin.UploadAsync(browser, LogoFiles.Png(0x30, 0x20, 0x10), "logo.png", "image/png")).String("logoUrl")!;

        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync(second)).StatusCode);
        // The same logo twice is one change.
        Assert.Equal(2, (await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id, AuditActions.LogoChanged)).Count);
    }

    [Fact]
    public async Task A_png_named_jpg_is_served_as_what_it_is()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var uploaded = await admin.UploadAsync(browser, LogoFiles.Png(), "photo.jpg", "image/jpeg");
        var logo = await browser.Http.GetAsync(uploaded.String("logoUrl"));

        Assert.Equal(HttpStatusCode.OK, uploaded.Status);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("logo.svg", "image/svg+xml")]
    [InlineData("logo.png", "image/png")]
    [InlineData("logo.jpg", "image/jpeg")]
    public async Task An_svg_is_refused_whatever_it_is_called(string fileName, string contentType)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var answer = await admin.UploadAsync(browser, LogoFiles.Svg, fileName, contentType);
        var settings = await admin.GetAsync(browser, "/api/admin/branding");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Contains("PNG, JPEG or WebP", answer.Detail, StringComparison.Ordinal);
        Assert.Null(settings.String("logoUrl"));
    }

    [Fact]
    public async Task Text_an_empty_file_and_a_logo_over_256_KB_are_refused_with_sentences()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var huge = new byte[LogoImage.MaxBytes + 1];
        LogoFiles.Png().CopyTo(huge, 0);

        var text = await admin.UploadAsync(browser, "just text"u8.ToArray(), "logo.png", "image/png");
        var empty = await admin.UploadAsync(browser, [], "logo.png", "image/png");
        var tooLarge = await admin.UploadAsync(browser, huge, "logo.png", "image/png");
        var json = await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding/logo", new { logo = "iVBORw0KGgo=" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.Status);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.Status);
        foreach (var answer in new[] { text, empty, tooLarge, json })
        {
            Assert.True(MalformedInputSweep.HasSentence(answer), answer.ToString());
        }

        Assert.Empty(await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id));
    }

    [Fact]
    public async Task A_removed_logo_leaves_the_portal_with_the_name_alone()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var endUser = await world.SignInAsync(await world.EndUserAsync());
        using var browser = new SsoDriver(api);

        // A logo of its own: the address is the content's, and another partner may use the same image.
        var url = (await admin.UploadAsync(browser, LogoFiles.Png(0x77, 0x01, 0x99), "logo.png", "image/png")).String("logoUrl")!;
        var removed = await admin.SendAsync(browser, HttpMethod.Delete, "/api/admin/branding/logo");
        var removedAgain = await admin.SendAsync(browser, HttpMethod.Delete, "/api/admin/branding/logo");
        var me = await endUser.GetAsync(browser, "/api/portal/me");

        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Null(removed.String("logoUrl"));
        Assert.Equal(HttpStatusCode.OK, removedAgain.Status);
        Assert.Null(me.Json!["branding"]!["logoUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync(url)).StatusCode);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id, AuditActions.LogoRemoved));
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    public async Task An_unknown_logo_answers_404_with_a_sentence(string logoId)
    {
        using var browser = new SsoDriver(api);

        var answer = await SsoResponse.ReadAsync(await browser.Http.GetAsync(LogoApi.Path + logoId));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.True(MalformedInputSweep.HasSentence(answer), answer.ToString());
    }
}
