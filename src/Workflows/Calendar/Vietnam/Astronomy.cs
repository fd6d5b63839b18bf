namespace OneStop.Workflows.Calendar;

/// <summary>
/// The two astronomical quantities a lunisolar calendar needs: the instants of new moons and the sun's apparent
/// longitude. Formulas follow J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.), chapters 25 and 49; accuracy is a few
/// seconds for new moons and about 0.01° for the sun in 1800–2200, far finer than the one-day grain of the calendar.
/// </summary>
internal static class Astronomy
{
    private const double Radians = Math.PI / 180.0;

    /// <summary>Julian day (UT) of new moon number <paramref name="k"/>; k = 0 is the new moon of 2000-01-06.</summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;
        var jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3) * Radians;
        var mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * Radians;
        var f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * Radians;
        var omega = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * Radians;

        var correction =
            -0.40720 * Math.Sin(mp)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mp)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mp - m)
            - 0.00514 * e * Math.Sin(mp + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mp - 2 * f)
            - 0.00057 * Math.Sin(mp + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mp + m)
            - 0.00042 * Math.Sin(3 * mp)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mp - m)
            - 0.00017 * Math.Sin(omega)
            - 0.00007 * Math.Sin(mp + 2 * m)
            + 0.00004 * Math.Sin(2 * mp - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mp + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mp + 2 * f)
            - 0.00003 * Math.Sin(mp + m + 2 * f)
            + 0.00003 * Math.Sin(mp - m + 2 * f)
            - 0.00002 * Math.Sin(mp - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mp + m)
            + 0.00002 * Math.Sin(4 * mp);

        // Planetary perturbations (Meeus table 49.B): argument base, rate per lunation, amplitude in days.
        ReadOnlySpan<double> planetary =
        [
            299.77, 0.107408, 0.000325, 251.88, 0.016321, 0.000165, 251.83, 26.651886, 0.000164,
            349.42, 36.412478, 0.000126, 84.66, 18.206239, 0.000110, 141.74, 53.303771, 0.000062,
            207.14, 2.453732, 0.000060, 154.84, 7.306860, 0.000056, 34.52, 27.261239, 0.000047,
            207.19, 0.121824, 0.000042, 291.34, 1.844379, 0.000040, 161.72, 24.198154, 0.000037,
            239.56, 25.513099, 0.000035, 331.55, 3.592518, 0.000023,
        ];
        for (var i = 0; i < planetary.Length; i += 3)
        {
            var argument = planetary[i] + planetary[i + 1] * k - (i == 0 ? 0.009173 * t2 : 0);
            correction += planetary[i + 2] * Math.Sin(argument * Radians);
        }

        var julianEphemerisDay = jde + correction;
        return julianEphemerisDay - DeltaTSeconds(julianEphemerisDay) / 86400.0;
    }

    /// <summary>The sun's apparent ecliptic longitude in degrees [0, 360) at Julian day (UT) <paramref name="jd"/>.</summary>
    public static double SunLongitude(double jd)
    {
        var t = (jd + DeltaTSeconds(jd) / 86400.0 - 2451545.0) / 36525.0;
        var l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * Radians;
        var centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(m)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * m)
            + 0.000289 * Math.Sin(3 * m);
        var omega = (125.04 - 1934.136 * t) * Radians;
        var apparent = l0 + centre - 0.00569 - 0.00478 * Math.Sin(omega);
        apparent %= 360.0;
        return apparent < 0 ? apparent + 360.0 : apparent;
    }

    /// <summary>
    /// ΔT = TT − UT in seconds (Espenak and Meeus polynomials). It shifts instants by about a minute, which only matters
    /// for a new moon within a minute of local midnight, but costs nothing.
    /// </summary>
    private static double DeltaTSeconds(double jd)
    {
        var y = 2000.0 + (jd - 2451544.5) / 365.2425;
        double u;
        switch (y)
        {
            case < 1860:
                u = (y - 1820) / 100;
                return -20 + 32 * u * u;
            case < 1900:
                u = y - 1860;
                return 7.62 + 0.5737 * u - 0.251754 * u * u + 0.01680668 * u * u * u - 0.0004473624 * Math.Pow(u, 4) + Math.Pow(u, 5) / 233174;
            case < 1920:
                u = y - 1900;
                return -2.79 + 1.494119 * u - 0.0598939 * u * u + 0.0061966 * u * u * u - 0.000197 * Math.Pow(u, 4);
            case < 1941:
                u = y - 1920;
                return 21.20 + 0.84493 * u - 0.076100 * u * u + 0.0020936 * u * u * u;
            case < 1961:
                u = y - 1950;
                return 29.07 + 0.407 * u - u * u / 233 + u * u * u / 2547;
            case < 1986:
                u = y - 1975;
                return 45.45 + 1.067 * u - u * u / 260 - u * u * u / 718;
            case < 2005:
                u = y - 2000;
                return 63.86 + 0.3345 * u - 0.060374 * u * u + 0.0017275 * u * u * u + 0.000651814 * Math.Pow(u, 4) + 0.00002373599 * Math.Pow(u, 5);
            case < 2050:
                u = y - 2000;
                return 62.92 + 0.32217 * u + 0.005589 * u * u;
            case < 2150:
                u = (y - 1820) / 100;
                return -20 + 32 * u * u - 0.5628 * (2150 - y);
            default:
                u = (y - 1820) / 100;
                return -20 + 32 * u * u;
        }
    }
}
