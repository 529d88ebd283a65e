/// The conversion of a straight-line distance into an estimated travel time by car. It is an
/// estimate, not the road times of the DREES or of the INSEE distancier Metric: the method is
/// printed wherever its figures appear.
public enum TravelTimeModel {
    /// Road distance ≈ 1,3 × the straight-line distance: the mean detour factor of road networks
    /// measured in France and Europe lies between 1,2 and 1,4, higher for short trips
    /// (F. Héran, « Des distances à vol d'oiseau aux distances réelles ou de l'origine des
    /// détours », Flux n° 76-77, 2009). Confiance : probable.
    public static let detourFactor = 1.3
    /// The first 10 km of road at 40 km/h (crossing villages, départementales), the rest at
    /// 70 km/h. Choice of the tool, to be checked against Metric: confiance incertaine.
    public static let nearSpeed = 40.0
    public static let nearDistance = 10.0
    public static let farSpeed = 70.0

    /// Estimated minutes by car for a straight-line distance in kilometres; 0 in the commune
    /// itself (the commune-level convention of the INSEE base permanente des équipements).
    public static func minutes(straightLine kilometres: Double) -> Double {
        let road = kilometres * detourFactor
        let near = min(road, nearDistance), far = max(road - nearDistance, 0)
        return near / nearSpeed * 60 + far / farSpeed * 60
    }

    /// The method, as printed under every table and figure computed with it.
    public static var method: String {
        "Distance à vol d'oiseau entre le point de chaque commune (\(TerritoryReference.pointsSource)) et celui de la commune la plus proche qui en dispose, dans le territoire ou hors de lui ; 0 km dans la commune même. "
            + "Temps estimé en voiture : distance × \(FrenchFormat.decimal(detourFactor, maximumFractionDigits: 1)) (détour routier moyen, F. Héran, Flux, 2009), les \(FrenchFormat.integer(Int(nearDistance))) premiers kilomètres à \(FrenchFormat.integer(Int(nearSpeed))) km/h, le reste à \(FrenchFormat.integer(Int(farSpeed))) km/h. "
            + "C'est une estimation, non les temps routiers de la DREES ou du distancier Metric de l'INSEE : à vérifier avec l'ARS pour les communes proches d'un seuil."
    }
}
