public enum PlottingPlaceholder {}
