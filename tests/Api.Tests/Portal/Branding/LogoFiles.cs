using System.Net.Http.Headers;
using Api.Development;
using Api.Tests.Admin;

namespace Api.Tests.Portal.Branding;

/// <summary>Logo files as a partner admin would pick them, and their upload as the SPA sends it.</summary>
internal static class LogoFiles
{
    public static byte[] Png(byte red = 0x1a, byte green = 0x5f, byte blue = 0xb4) => DevelopmentLogo.Png(red, green, blue);

    public static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    public static async Task<SsoResponse> UploadAsync(this StaffLogin staff, SsoDriver browser, byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = staff.Request(HttpMethod.Put, "/api/admin/branding/logo", new MultipartFormDataContent { { file, "logo", fileName } });
        return await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
    }
}
