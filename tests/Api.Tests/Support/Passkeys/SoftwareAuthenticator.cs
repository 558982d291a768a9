using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Api.Tests.Support;

/// <summary>
/// A passkey authenticator written in the test, doing what a browser and a platform authenticator
/// do: a real EC P-256 key pair (ES256), an attestation object in CBOR ("none" format), and for
/// each assertion authenticatorData, clientDataJSON and an ECDSA signature over both. Nothing on
/// the server side is replaced: Identity's own verifier checks every byte.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    public const string DefaultOrigin = "https://localhost";
    public const string DefaultRpId = "localhost";

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint signCount;

    /// <param name="synced">Backed up by its provider (the BE and BS flags), like a phone's passkey; otherwise device-bound.</param>
    public SoftwareAuthenticator(bool synced = false) => Synced = synced;

    public bool Synced { get; }

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public string Id => WebEncoders.Base64UrlEncode(CredentialId);

    /// <summary>The user handle the relying party gave at registration (returned with every assertion).</summary>
    public byte[]? UserHandle { get; private set; }

    /// <summary><c>navigator.credentials.create()</c> then <c>toJSON()</c>, for these creation options.</summary>
    public JsonObject Create(JsonNode publicKey, string origin = DefaultOrigin, string rpId = DefaultRpId)
    {
        UserHandle = WebEncoders.Base64UrlDecode(publicKey["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", publicKey["challenge"]!.GetValue<string>(), origin);
        var authData = AuthenticatorData(rpId, attested: true);
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();
        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["attestationObject"] = WebEncoders.Base64UrlEncode(attestation.Encode()),
                ["authenticatorData"] = WebEncoders.Base64UrlEncode(authData),
                ["publicKey"] = WebEncoders.Base64UrlEncode(key.ExportSubjectPublicKeyInfo()),
                ["publicKeyAlgorithm"] = -7,
                ["transports"] = new JsonArray("internal", "hybrid"),
            },
        };
    }

    /// <summary><c>navigator.credentials.get()</c> then <c>toJSON()</c>, for these request options; each call counts once more.</summary>
    public JsonObject Get(JsonNode publicKey, string origin = DefaultOrigin, string rpId = DefaultRpId)
    {
        var clientData = ClientData("webauthn.get", publicKey["challenge"]!.GetValue<string>(), origin);
        var authData = AuthenticatorData(rpId, attested: false);
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["authenticatorData"] = WebEncoders.Base64UrlEncode(authData),
                ["signature"] = WebEncoders.Base64UrlEncode(signature),
                ["userHandle"] = UserHandle is null ? null : WebEncoders.Base64UrlEncode(UserHandle),
            },
        };
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin, crossOrigin = false }));

    /// <summary>rpIdHash, flags (UP, UV, and BE/BS when synced; AT with the credential), the counter, and at registration the credential and its COSE key.</summary>
    private byte[] AuthenticatorData(string rpId, bool attested)
    {
        byte flags = 0x01 | 0x04;
        flags |= Synced ? (byte)(0x08 | 0x10) : (byte)0;
        flags |= attested ? (byte)0x40 : (byte)0;
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, ++signCount);
        byte[] data = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. counter];
        if (!attested)
        {
            return data;
        }

        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        return [.. data, .. new byte[16], .. length, .. CredentialId, .. CoseKey()];
    }

    private byte[] CoseKey()
    {
        var point = key.ExportParameters(false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2);
        cose.WriteInt32(3);
        cose.WriteInt32(-7);
        cose.WriteInt32(-1);
        cose.WriteInt32(1);
        cose.WriteInt32(-2);
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    public void Dispose() => key.Dispose();
}
