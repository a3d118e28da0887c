using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Tests.Charts;

public sealed class LabelTextTests
{
    [Fact]
    public void A_label_that_fits_is_kept_whole()
    {
        Assert.Equal("Norway", LabelText.Truncate("Norway", 6));
    }

    [Fact]
    public void A_long_label_is_cut_to_the_limit_with_the_ellipsis_as_its_last_character()
    {
        var cut = LabelText.Truncate("Republic of Korea", 10);

        Assert.Equal("Republic\u2026", cut);
        Assert.True(LabelText.Length(cut) <= 10);
        Assert.Equal("Republic o\u2026", LabelText.Truncate("Republic of Korea", 11));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var cut = LabelText.Truncate("\U0001F30D\U0001F30D\U0001F30D\U0001F30D", 3);

        Assert.Equal("\U0001F30D\U0001F30D\u2026", cut);
    }

    [Fact]
    public void Control_characters_and_runs_of_white_space_become_one_space()
    {
        Assert.Equal("R&D core fund", LabelText.Clean("  R&D\u0001core \r\n\t fund\u0000 "));
        Assert.Equal("\uFFFD", LabelText.Clean("\uFFFE"));
        Assert.Equal("\uFFFD", LabelText.Clean("\uD800"));
    }

    [Fact]
    public void Fitting_counts_characters_at_six_tenths_of_the_font_size()
    {
        Assert.Equal("Norway", LabelText.Fit("Norway", 10, 36));
        Assert.Equal("Norw\u2026", LabelText.Fit("Norway", 10, 35.9));
    }
}
