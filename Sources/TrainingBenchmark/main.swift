print("training benchmark")
