using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Api.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Foundation;

/// <summary>With a certificate configured, the Data Protection key ring in SQL is encrypted at rest.</summary>
public sealed class DataProtectionTests(DataProtectionTests.CertificateApiFactory api) : IClassFixture<DataProtectionTests.CertificateApiFactory>
{
    [Fact]
    public async Task The_key_ring_in_sql_holds_no_readable_master_key()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("<encryptedSecret", key.Xml);
            Assert.DoesNotContain("<masterKey", key.Xml);
        });
    }

    public sealed class CertificateApiFactory : ApiFactory
    {
        private readonly string certificateFile = Path.Combine(Path.GetTempPath(), $"eup-dp-{Guid.NewGuid():N}.pfx");

        public CertificateApiFactory()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=end-user-portal-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(certificateFile, certificate.Export(X509ContentType.Pfx, "test-password"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:CertificatePath", certificateFile);
            builder.UseSetting("DataProtection:CertificatePassword", "test-password");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(certificateFile);
        }
    }
}
