//! Passphrases for share links: four common words, easy to read out over the phone and to type
//! on a phone. The randomness comes from the caller (the browser's `crypto.getRandomValues`), so
//! this stays pure. 512 words make 9 bits a word, 36 bits for four: with PBKDF2 at 600,000
//! iterations (`shell::share`), guessing one costs about 2^36 × 600,000 hashes.

/// The words, 512 of them (a power of two, so a random number picks each with equal chance).
pub const WORDS: [&str; 512] = [
    "acorn", "actor", "adult", "advice", "agent", "alarm", "album", "alley", "amber", "angle",
    "ankle", "apple", "apron", "arch", "arena", "arrow", "atlas", "attic", "aunt", "autumn",
    "award", "bacon", "badge", "bagel", "baker", "balcony", "ball", "bamboo", "banana", "band",
    "banjo", "barn", "barrel", "basil", "basket", "beach", "bead", "beam", "bean", "bear", "beard",
    "beaver", "bed", "bee", "beet", "bell", "belt", "bench", "berry", "bike", "birch", "bird",
    "biscuit", "blanket", "blender", "bloom", "blossom", "blue", "board", "boat", "bonnet", "book",
    "boot", "bottle", "bowl", "box", "branch", "bread", "breeze", "brick", "bridge", "brook",
    "broom", "brother", "bucket", "bud", "buffalo", "bulb", "bundle", "bunny", "butter", "button",
    "cabin", "cable", "cactus", "cake", "camel", "camera", "camp", "candle", "candy", "canoe",
    "canvas", "canyon", "cape", "card", "carpet", "carrot", "cart", "castle", "cat", "cedar",
    "cello", "chair", "chalk", "cheese", "cherry", "chess", "chest", "chimney", "chin", "cider",
    "circle", "city", "clay", "cliff", "clock", "cloud", "clover", "coach", "coast", "coat",
    "cocoa", "coconut", "coffee", "coin", "comet", "compass", "cookie", "copper", "coral", "cork",
    "corn", "cotton", "couch", "cousin", "cove", "cow", "crab", "cradle", "crane", "crayon",
    "creek", "cricket", "crown", "cup", "cupboard", "curtain", "cushion", "daisy", "dancer",
    "deer", "desert", "desk", "diary", "dinner", "dolphin", "donkey", "door", "dove", "dragon",
    "drawer", "dream", "dress", "drum", "duck", "dune", "eagle", "earth", "easel", "echo", "eel",
    "elbow", "elm", "ember", "engine", "fabric", "falcon", "farm", "feather", "fence", "fern",
    "ferry", "fiddle", "field", "fig", "finch", "fire", "fish", "flag", "flame", "flute", "foam",
    "fog", "forest", "fork", "fossil", "fountain", "fox", "frame", "frog", "fruit", "garden",
    "garlic", "gate", "gecko", "gem", "giraffe", "glass", "glove", "goat", "gold", "goose",
    "grape", "grass", "gravel", "guitar", "gull", "hammer", "hammock", "harbor", "harp", "hat",
    "hawk", "hazel", "heart", "hedge", "hen", "heron", "hill", "hive", "honey", "hoop", "horse",
    "hotel", "house", "inlet", "iris", "island", "ivory", "ivy", "jacket", "jam", "jar", "jasmine",
    "jelly", "jewel", "juice", "kayak", "kettle", "key", "kite", "kitten", "koala", "ladder",
    "lake", "lamb", "lamp", "lantern", "lark", "lava", "lawn", "leaf", "lemon", "lens", "letter",
    "lily", "lime", "linen", "lion", "llama", "lobster", "locket", "lotus", "lunch", "magnet",
    "mango", "maple", "marble", "market", "meadow", "melon", "mint", "mirror", "mitten", "moon",
    "moose", "moss", "mountain", "mouse", "mug", "museum", "music", "nest", "nickel", "noodle",
    "north", "nut", "oak", "oasis", "ocean", "olive", "onion", "orange", "orchid", "otter", "owl",
    "paddle", "page", "palm", "pancake", "panda", "paper", "parade", "park", "parrot", "pasta",
    "peach", "peanut", "pear", "pearl", "pebble", "pelican", "pencil", "penguin", "pepper",
    "piano", "pickle", "picnic", "pie", "pigeon", "pillow", "pine", "pizza", "planet", "plum",
    "pocket", "poem", "pond", "pony", "poppy", "potato", "pottery", "puffin", "pumpkin", "puppy",
    "quail", "quilt", "rabbit", "radio", "raft", "rain", "rainbow", "raven", "reed", "ribbon",
    "river", "road", "robin", "rocket", "roof", "rose", "ruby", "saddle", "sail", "salad",
    "salmon", "sand", "scarf", "school", "sea", "seal", "seed", "shadow", "shell", "ship", "shore",
    "silk", "silver", "sketch", "skate", "sky", "sled", "slipper", "snail", "snow", "sock", "sofa",
    "soup", "spark", "sparrow", "spice", "spoon", "spring", "spruce", "squash", "squirrel",
    "stamp", "star", "station", "stone", "stool", "storm", "straw", "stream", "street", "sugar",
    "summer", "sun", "sunset", "swan", "sweater", "swing", "table", "tea", "teapot", "tent",
    "thistle", "thread", "thunder", "tiger", "toast", "tomato", "torch", "tower", "tractor",
    "trail", "train", "tree", "tulip", "tunnel", "turtle", "twig", "umbrella", "valley", "vase",
    "velvet", "violin", "wagon", "walnut", "walrus", "wave", "whale", "wheat", "wheel", "willow",
    "window", "winter", "wolf", "wool", "yarn", "yogurt", "zebra", "brave", "bright", "calm",
    "clever", "cosy", "crisp", "curly", "dusty", "eager", "early", "easy", "fancy", "fluffy",
    "fresh", "gentle", "giant", "glad", "golden", "grand", "happy", "hidden", "honest", "humble",
    "jolly", "kind", "lively", "lucky", "merry", "mighty", "misty", "noble", "plain", "polite",
    "proud", "quick", "quiet", "rapid", "rosy", "royal", "rustic", "shiny", "silent", "simple",
    "sleepy", "slow", "smooth", "snowy", "soft", "solid", "sunny", "sweet", "swift", "tall",
    "tame", "tidy", "tiny", "warm", "wild", "windy",
];

/// Words in a passphrase.
pub const PASSPHRASE_WORDS: usize = 4;

/// A passphrase from four random numbers: each picks a word (its low 9 bits).
pub fn passphrase(random: [u32; PASSPHRASE_WORDS]) -> String {
    random
        .iter()
        .map(|n| WORDS[(*n as usize) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}
