using Api.Portal.Tickets;

namespace Api.Tests.Portal.Tickets;

/// <summary>The stored name's rules on their own: every invisible character goes, the extension comes from the proven kind.</summary>
public sealed class AttachmentFileNameTests
{
    private static readonly AttachmentKind Png = AttachmentTypes.All.Single(k => k.Extension == ".png");

    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u202D")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u0000")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\uDB40\uDC01")]
    [InlineData("\uD800")]
    [Trait("ASVS", "12.1.1")]
    public void Bidi_control_and_format_characters_are_removed(string invisible)
    {
        Assert.Equal("screenshot.png", AttachmentFileName.Stored($"screen{invisible}shot.png", Png));
    }

    [Theory]
    [InlineData("C:\\Users\\nora\\Desktop\\shot.PNG", "shot.png")]
    [InlineData("../../etc/shot.png", "shot.png")]
    [InlineData("report.pdf.png", "report.pdf.png")]
    [InlineData("what?<is>:this*.png", "whatisthis.png")]
    [InlineData(".png", "attachment.png")]
    [InlineData("\u202E.png. . ", "attachment.png")]
    [Trait("ASVS", "12.1.1")]
    public void The_stored_name_keeps_the_last_segments_stem_and_ends_in_the_kinds_extension(string sent, string stored)
    {
        Assert.Equal(stored, AttachmentFileName.Stored(sent, Png));
    }

    [Fact]
    public void A_long_name_is_cut_in_its_stem_so_the_extension_survives_and_no_emoji_is_cut_in_half()
    {
        var stored = AttachmentFileName.Stored(new string('a', 250) + "\U0001F600" + "b.png", Png);

        Assert.Equal(new string('a', 250) + ".png", stored);
    }

    [Theory]
    [InlineData("setup.hta.", ".hta")]
    [InlineData("setup.hta \u202E", ".hta")]
    [InlineData("evil\u202Egnp.hta", ".hta")]
    [InlineData("noextension", "")]
    public void The_extension_is_read_after_cleaning_so_trailing_dots_and_overrides_hide_nothing(string sent, string extension)
    {
        Assert.Equal(extension, AttachmentFileName.ExtensionOf(AttachmentFileName.Clean(sent)));
    }
}
