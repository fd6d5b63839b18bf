using OneStop.Host.Features.Notices;

namespace OneStop.Host.Tests.Notices;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData(0, "không")]
    [InlineData(1, "một")]
    [InlineData(5, "năm")]
    [InlineData(10, "mười")]
    [InlineData(11, "mười một")]
    [InlineData(14, "mười bốn")]
    [InlineData(15, "mười lăm")]
    [InlineData(20, "hai mươi")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(25, "hai mươi lăm")]
    [InlineData(55, "năm mươi lăm")]
    [InlineData(99, "chín mươi chín")]
    [InlineData(100, "một trăm")]
    [InlineData(101, "một trăm linh một")]
    [InlineData(104, "một trăm linh bốn")]
    [InlineData(105, "một trăm linh năm")]
    [InlineData(110, "một trăm mười")]
    [InlineData(115, "một trăm mười lăm")]
    [InlineData(121, "một trăm hai mươi mốt")]
    [InlineData(1_000, "một nghìn")]
    [InlineData(1_005, "một nghìn không trăm linh năm")]
    [InlineData(1_010, "một nghìn không trăm mười")]
    [InlineData(1_021, "một nghìn không trăm hai mươi mốt")]
    [InlineData(10_000, "mười nghìn")]
    [InlineData(15_000, "mười lăm nghìn")]
    [InlineData(200_000, "hai trăm nghìn")]
    [InlineData(1_000_005, "một triệu không trăm linh năm")]
    [InlineData(1_001_000, "một triệu không trăm linh một nghìn")]
    [InlineData(2_100_000, "hai triệu một trăm nghìn")]
    [InlineData(1_000_000_000, "một tỷ")]
    [InlineData(2_100_924_973, "hai tỷ một trăm triệu chín trăm hai mươi tư nghìn chín trăm bảy mươi ba")]
    [InlineData(5_000_000_015, "năm tỷ không trăm mười lăm")]
    [InlineData(1_000_000_000_000, "một nghìn tỷ")]
    [InlineData(-21, "âm hai mươi mốt")]
    public void Numbers_read_as_Vietnamese_words(long number, string expected) =>
        Assert.Equal(expected, VietnameseText.NumberInWords(number));

    [Theory]
    [InlineData(105, "lẻ", "lăm", "tư", "một trăm lẻ năm")]
    [InlineData(25, "linh", "nhăm", "tư", "hai mươi nhăm")]
    [InlineData(34, "linh", "lăm", "bốn", "ba mươi bốn")]
    [InlineData(1_000_005, "lẻ", "lăm", "tư", "một triệu không trăm lẻ năm")]
    public void Regional_readings_are_a_style_choice(long number, string zeroTens, string five, string four, string expected) =>
        Assert.Equal(expected, VietnameseText.NumberInWords(number, new VietnameseNumberStyle(zeroTens, five, four)));

    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(2_100_000, "Hai triệu một trăm nghìn đồng")]
    [InlineData(2_100_924_973, "Hai tỷ một trăm triệu chín trăm hai mươi tư nghìn chín trăm bảy mươi ba đồng")]
    [InlineData(15_000, "Mười lăm nghìn đồng")]
    public void Amounts_in_words_start_with_a_capital_and_end_in_dong(long amount, string expected) =>
        Assert.Equal(expected, VietnameseText.AmountInWords(amount));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(2_000, "2.000")]
    [InlineData(2_100_000, "2.100.000")]
    [InlineData(2_100_924_973, "2.100.924.973")]
    public void Amounts_use_the_dot_as_thousands_separator(long amount, string expected) =>
        Assert.Equal(expected, VietnameseText.Amount(amount));

    [Fact]
    public void Dates_are_written_the_Vietnamese_way_in_Vietnam_time()
    {
        // 02:32 UTC is 09:32 in Hà Nội: the receipt of the domain notes.
        var received = new DateTimeOffset(2023, 10, 27, 2, 32, 0, TimeSpan.Zero);

        Assert.Equal("ngày 27 tháng 10 năm 2023", VietnameseText.Date(received));
        Assert.Equal("09 giờ 32 phút, ngày 27 tháng 10 năm 2023", VietnameseText.TimeAndDate(received));
        Assert.Equal("27/10/2023", VietnameseText.ShortDate(received));
    }

    [Theory]
    [InlineData(2024, 2, 5, "ngày 05 tháng 02 năm 2024")]
    [InlineData(2024, 1, 15, "ngày 15 tháng 01 năm 2024")]
    [InlineData(2025, 7, 1, "ngày 01 tháng 7 năm 2025")]
    [InlineData(2023, 11, 3, "ngày 03 tháng 11 năm 2023")]
    public void Days_below_10_and_months_1_and_2_get_a_leading_zero(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseText.Date(new DateOnly(year, month, day)));

    [Fact]
    public void Late_evening_UTC_is_already_the_next_day_in_Vietnam()
    {
        var instant = new DateTimeOffset(2025, 6, 30, 18, 5, 0, TimeSpan.Zero);

        Assert.Equal("01 giờ 05 phút, ngày 01 tháng 7 năm 2025", VietnameseText.TimeAndDate(instant));
    }
}
